package org.mobilenetexplorer.ui.config;

import java.util.List;
import org.mobilenetexplorer.model.Family;

/**
 * What the alpha and resolution sliders offer for one family: their range and their labelled stops (the widths and
 * resolutions published for that family). Typed values stay free within the model's limits; only the sliders follow
 * these ranges.
 *
 * @param alphaMin         the alpha slider's left end
 * @param alphaMax         the alpha slider's right end
 * @param alphaStops       the labelled alpha stops, ascending, each a multiple of {@link ConfigViewModel#ALPHA_DRAG_STEP}
 * @param resolutionMin    the resolution slider's left end
 * @param resolutionMax    the resolution slider's right end
 * @param resolutionStops  the labelled resolution stops, ascending, each a multiple of 8 px
 * @param alphaSource      where the alpha stops come from (for the tooltip)
 * @param resolutionSource where the resolution stops come from
 */
public record KnobRanges(double alphaMin, double alphaMax, List<Double> alphaStops, int resolutionMin,
                         int resolutionMax, List<Integer> resolutionStops, String alphaSource,
                         String resolutionSource) {

    public KnobRanges {
        alphaStops = List.copyOf(alphaStops);
        resolutionStops = List.copyOf(resolutionStops);
    }

    /** The ranges of {@code family}. */
    public static KnobRanges of(Family family) {
        return switch (family) {
            case V1 -> new KnobRanges(0.25, 1.0, List.of(0.25, 0.5, 0.75, 1.0), 96, 256, List.of(128, 160, 192, 224),
                    "the V1 paper's 0.25, 0.5, 0.75 and 1.0 (Table 6)", "the V1 paper's 128, 160, 192 and 224 (Table 7)");
            case V2 -> new KnobRanges(0.35, 1.4, List.of(0.35, 0.5, 0.75, 1.0, 1.3, 1.4), 96, 256,
                    List.of(96, 128, 160, 192, 224), "TF-Slim's V2 checkpoints' 0.35, 0.5, 0.75, 1.0, 1.3 and 1.4",
                    "TF-Slim's V2 checkpoints' 96, 128, 160, 192 and 224");
            case V3_LARGE, V3_SMALL -> new KnobRanges(0.35, 1.25, List.of(0.75, 1.0), 96, 256, List.of(224),
                    "TF-Slim's V3 checkpoints' 0.75 and 1.0", "TF-Slim's V3 checkpoints' 224");
        };
    }

    /** True when {@code alpha} is one of the stops (the slider labels it). */
    public boolean isAlphaStop(double alpha) {
        return alphaStops.stream().anyMatch(s -> Math.abs(s - alpha) < 1e-9);
    }

    /** True when {@code resolution} is one of the stops. */
    public boolean isResolutionStop(double resolution) {
        return resolutionStops.stream().anyMatch(s -> Math.abs(s - resolution) < 1e-9);
    }

    /**
     * The next alpha stop from {@code alpha} in {@code direction} (+1 right, -1 left); past the last stop, the
     * slider's end; {@code alpha} itself when already there.
     */
    public double nextAlpha(double alpha, int direction) {
        return next(alpha, direction, alphaStops.stream().map(Double::doubleValue).toList(), alphaMin, alphaMax);
    }

    /** The next resolution stop from {@code resolution} in {@code direction}, as {@link #nextAlpha}. */
    public int nextResolution(int resolution, int direction) {
        return (int) Math.round(next(resolution, direction,
                resolutionStops.stream().map(Integer::doubleValue).toList(), resolutionMin, resolutionMax));
    }

    private static double next(double v, int direction, List<Double> stops, double min, double max) {
        double eps = 1e-9;
        if (direction > 0) {
            for (double s : stops) {
                if (s > v + eps) {
                    return s;
                }
            }
            return Math.max(v, max);
        }
        for (int i = stops.size() - 1; i >= 0; i--) {
            if (stops.get(i) < v - eps) {
                return stops.get(i);
            }
        }
        return Math.min(v, min);
    }
}
