package org.mobilenetexplorer.chart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mobilenetexplorer.accuracy.Accuracy;
import org.mobilenetexplorer.accuracy.AccuracyEstimator;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.published.PublishedLatency;

/**
 * A labelled reference series of published phone latencies (never our own measurements): one device and runtime
 * from one document, each model at its published latency and at the accuracy the chart's source gives it.
 *
 * @param label  legend text: "Published: Pixel 3, TFLite CPU (4 threads), not measured here"
 * @param origin the document the latencies come from
 * @param points the points
 */
public record PhoneReference(String label, String origin, List<PlotPoint> points) {
    public PhoneReference {
        points = List.copyOf(points);
    }

    /** The device/runtime series available in {@code data} ({@link PublishedLatency#seriesLabel()}), with counts. */
    public static Map<String, Integer> available(PublishedData data) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (PublishedLatency l : data.latencies()) {
            if (l.alpha() != null && l.resolution() != null) {
                out.merge(l.seriesLabel(), 1, Integer::sum);
            }
        }
        return out;
    }

    /**
     * The published latencies whose series label contains {@code selector} (case-insensitive), float32 or uint8 to
     * match {@code quantized}, from the document with the most such rows; one point per model.
     *
     * @throws IllegalArgumentException when nothing matches (the message lists what is available)
     */
    public static PhoneReference select(PublishedData data, String selector, boolean quantized,
                                        AccuracyEstimator accuracy) {
        String want = selector.toLowerCase(Locale.ROOT);
        String precision = quantized ? "uint8" : "float32";
        List<PublishedLatency> rows = data.latencies().stream()
                .filter(l -> l.alpha() != null && l.resolution() != null && precision.equals(l.precision()))
                .filter(l -> l.seriesLabel().toLowerCase(Locale.ROOT).contains(want)).toList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no published " + precision + " phone latencies match '" + selector
                    + "' (available: " + String.join("; ", available(data).keySet()) + ")");
        }
        Map<String, Integer> perDoc = new LinkedHashMap<>();
        rows.forEach(l -> perDoc.merge(l.sourceText() + "|" + l.seriesLabel(), 1, Integer::sum));
        String best = perDoc.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<PlotPoint> pts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String doc = best.substring(0, best.indexOf('|'));
        String series = best.substring(best.indexOf('|') + 1);
        for (PublishedLatency l : rows) {
            if (!(l.sourceText() + "|" + l.seriesLabel()).equals(best)) {
                continue;
            }
            MobileNetConfig c = new MobileNetConfig(l.alpha(), l.resolution());
            if (!seen.add(c.label())) {
                continue;
            }
            Accuracy a = accuracy.estimate(c);
            if (!a.present()) {
                continue;
            }
            pts.add(new PlotPoint(l.latencyMs(), a.value(), c.label(), PlotPoint.Role.PUBLISHED_LATENCY,
                    a.estimated(), a.extrapolated(), a.sourceId(), String.format(Locale.ROOT,
                    "published latency %.1f ms on %s (%s); accuracy %s", l.latencyMs(), series, doc, a.method()),
                    null));
        }
        return new PhoneReference("Published: " + series + " (not measured here)", doc, pts);
    }
}
