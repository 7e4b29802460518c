package org.mobilenetexplorer.accuracy;

import java.util.List;

/**
 * A set of accuracy numbers from one place. A chart series uses exactly one source and names it.
 *
 * @param id         stable id ({@code tf-slim-2018}, {@code paper}, {@code user:file.csv}, ...)
 * @param name       human name for legends
 * @param checkpoint the checkpoint, model files or table the numbers belong to
 * @param metric     what the numbers measure
 * @param citation   where they were published (document and revision), or the imported file
 * @param points     the points, one per network (duplicates with equal values merged)
 */
public record AccuracySource(String id, String name, String checkpoint, String metric, String citation,
                             List<AccuracyPoint> points) {

    public AccuracySource {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        name = name == null || name.isBlank() ? id : name;
        checkpoint = checkpoint == null ? "" : checkpoint;
        metric = metric == null ? "" : metric;
        citation = citation == null ? "" : citation;
        points = List.copyOf(points);
    }

    /** The points that carry {@code m}. */
    public List<AccuracyPoint> points(AccuracyMetric m) {
        return points.stream().filter(p -> m.of(p) != null).toList();
    }
}
