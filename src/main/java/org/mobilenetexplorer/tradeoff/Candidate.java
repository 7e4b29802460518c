package org.mobilenetexplorer.tradeoff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * A configuration to analyse, with the label to show.
 *
 * @param config the configuration
 * @param label  display label (defaults to {@link #shortLabel(MobileNetConfig)})
 */
public record Candidate(MobileNetConfig config, String label) {
    public Candidate {
        Objects.requireNonNull(config, "config");
        label = label == null || label.isBlank() ? shortLabel(config) : label;
    }

    /**
     * {@code alpha-resolution} with the structural suffixes of {@link MobileNetConfig#label()} but without the
     * class count (1000 vs TF-Slim's 1001 changes nothing a chart shows).
     */
    public static String shortLabel(MobileNetConfig config) {
        return config.withClasses(1000).label();
    }

    public Candidate(MobileNetConfig config) {
        this(config, null);
    }

    /**
     * The candidates with labels made unique, so no two points of a chart or rows of its CSV read the same: where
     * labels collide, each gets its class count ({@code 1.0-224 1000cls}, {@code 1.0-224 1001cls}); labels still
     * equal (the same configuration twice) get {@code #2}, {@code #3}. Unique labels are kept as they are.
     */
    public static List<Candidate> distinctLabels(List<Candidate> candidates) {
        Map<String, Long> count = candidates.stream()
                .collect(Collectors.groupingBy(Candidate::label, Collectors.counting()));
        List<Candidate> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Candidate c : candidates) {
            String label = c.label();
            if (count.get(label) > 1) {
                label = label + " " + c.config().classes() + "cls";
            }
            int n = seen.merge(label, 1, Integer::sum);
            out.add(n == 1 && label.equals(c.label()) ? c : new Candidate(c.config(), n == 1 ? label : label + " #" + n));
        }
        return out;
    }
}
