package org.mobilenetexplorer.predict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.InvalidConfigException;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * The configurations a calibration (or a validation) measures: per family, every alpha with every resolution, other
 * knobs at their defaults (1000 classes, slim rounding, V1's five 14x14 blocks, separable blocks).
 *
 * @param parts one per family (and V3 variant), in measuring order
 */
public record CalibrationGrid(List<Part> parts) {

    /**
     * One family's share of a grid.
     *
     * @param family       family id ({@link Family#id()})
     * @param minimalistic V3's minimalistic variant
     * @param alphas       width multipliers, each in (0, 4]
     * @param resolutions  resolutions, each in 32..2048
     */
    public record Part(String family, boolean minimalistic, List<Double> alphas, List<Integer> resolutions) {
        public Part {
            Family f = Family.fromId(family);
            alphas = List.copyOf(alphas);
            resolutions = List.copyOf(resolutions);
            if (alphas.isEmpty() || resolutions.isEmpty()) {
                throw new IllegalArgumentException("grid " + family + ": alphas and resolutions must not be empty");
            }
            if (minimalistic && !f.hasMinimalistic()) {
                throw new InvalidConfigException("minimalistic", true, "applies to families v3-large and v3-small "
                        + "only, not " + family);
            }
            configs(f, minimalistic, alphas, resolutions); // validates every value, naming it
        }

        /** A part of {@code family} (not minimalistic). */
        public static Part of(Family family, List<Double> alphas, List<Integer> resolutions) {
            return new Part(family.id(), false, alphas, resolutions);
        }

        /** The family as an enum. */
        public Family familyValue() {
            return Family.fromId(family);
        }

        /** Every configuration of this part, alpha-major. */
        public List<MobileNetConfig> configs() {
            return configs(familyValue(), minimalistic, alphas, resolutions);
        }

        private static List<MobileNetConfig> configs(Family f, boolean minimalistic, List<Double> alphas,
                                                     List<Integer> resolutions) {
            List<MobileNetConfig> out = new ArrayList<>(alphas.size() * resolutions.size());
            for (double a : alphas) {
                for (int r : resolutions) {
                    MobileNetConfig c = MobileNetConfig.of(f, a, r);
                    out.add(minimalistic ? c.withMinimalistic(true) : c);
                }
            }
            return out;
        }

        boolean covers(MobileNetConfig c) {
            double aMin = alphas.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double aMax = alphas.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            int rMin = resolutions.stream().mapToInt(Integer::intValue).min().orElseThrow();
            int rMax = resolutions.stream().mapToInt(Integer::intValue).max().orElseThrow();
            return c.family() == familyValue() && c.alpha() >= aMin - 1e-9 && c.alpha() <= aMax + 1e-9
                    && c.resolution() >= rMin && c.resolution() <= rMax;
        }

        /** {@code v1 alpha 0.25..1.0 x 96..224} */
        public String rangeText() {
            return family + (minimalistic ? "-min" : "") + " alpha "
                    + MobileNetConfig.fmt(alphas.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                    + ".." + MobileNetConfig.fmt(alphas.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                    + " x " + resolutions.stream().mapToInt(Integer::intValue).min().orElseThrow() + ".."
                    + resolutions.stream().mapToInt(Integer::intValue).max().orElseThrow();
        }
    }

    /** The resolutions of every default calibration part: both ends of the range and the middle. */
    private static final List<Integer> CALIBRATION_RESOLUTIONS = List.of(96, 160, 224);

    /** The resolutions of the minimalistic V3 parts: the two ends (their kernels are V2's and V3's). */
    private static final List<Integer> MINIMALISTIC_RESOLUTIONS = List.of(96, 224);

    /**
     * The default calibration grid, 68 networks (in 3 rounds, 3:44 for ONNX Runtime FP32 on a quiet 2-core machine,
     * docs/decisions/010). V1's widths are TF-Slim's {@code int(d x alpha)}, so its channel counts take every
     * alignment: besides the four published widths it has four whose counts mostly are not multiples of 4 or 16
     * (0.3: 9, 19, 38, 76, 153, 307; 0.4: 12, 25, 51, 102, 204, 409; 0.65: 20, 41, 83, 166, 332, 665; 0.85: 27,
     * 54, 108, 217, 435, 870), so every {@link KernelKey#alignment(int) alignment class} of the depthwise and 1x1
     * kernels is measured at small and large channel counts. V2 and V3 round widths to multiples of 8 (classes 8
     * and 16): four widths each, including one above 1.0; both minimalistic V3 variants at two widths and the two
     * ends of the resolution range (their ReLU-only, SE-free networks run at a different overhead per layer: without
     * them the held-out minimalistic networks were over-predicted by 50-70%). Three resolutions per width: time is close to linear in
     * the map size within a kernel class, so the fit needs the range more than the points in between.
     */
    public static final CalibrationGrid DEFAULT = new CalibrationGrid(List.of(
            Part.of(Family.V1, List.of(0.25, 0.3, 0.4, 0.5, 0.65, 0.75, 0.85, 1.0), CALIBRATION_RESOLUTIONS),
            Part.of(Family.V2, List.of(0.5, 0.75, 1.0, 1.4), CALIBRATION_RESOLUTIONS),
            Part.of(Family.V3_LARGE, List.of(0.5, 0.75, 1.0, 1.25), CALIBRATION_RESOLUTIONS),
            Part.of(Family.V3_SMALL, List.of(0.5, 0.75, 1.0, 1.25), CALIBRATION_RESOLUTIONS),
            new Part(Family.V3_LARGE.id(), true, List.of(0.5, 1.0), MINIMALISTIC_RESOLUTIONS),
            new Part(Family.V3_SMALL.id(), true, List.of(0.5, 1.0), MINIMALISTIC_RESOLUTIONS)));

    /**
     * Held-out configurations for {@code predict --validate}, 20 networks: every family (and both minimalistic V3
     * variants) at alphas and resolutions that are not on {@link #DEFAULT} (V1 channel counts such as 11, 22, 89,
     * 179, 358 or 19, 38, 153, 307, 614; feature maps that are not multiples of 32), inside its range so the check is
     * interpolation, as the predictor is meant to be used.
     */
    public static final CalibrationGrid HELD_OUT = new CalibrationGrid(List.of(
            Part.of(Family.V1, List.of(0.35, 0.6, 0.9), List.of(112, 200)),
            Part.of(Family.V2, List.of(0.6, 1.2), List.of(128, 176)),
            Part.of(Family.V3_LARGE, List.of(0.6, 0.9), List.of(128, 200)),
            Part.of(Family.V3_SMALL, List.of(0.6, 0.9), List.of(150, 200)),
            new Part(Family.V3_LARGE.id(), true, List.of(0.9), List.of(176)),
            new Part(Family.V3_SMALL.id(), true, List.of(0.6), List.of(150))));

    public CalibrationGrid {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("grid: needs at least one family");
        }
    }

    /** A one-family V1 grid (tests, small calibrations). */
    public static CalibrationGrid v1(List<Double> alphas, List<Integer> resolutions) {
        return new CalibrationGrid(List.of(Part.of(Family.V1, alphas, resolutions)));
    }

    /** Every configuration, part by part, alpha-major. */
    public List<MobileNetConfig> configs() {
        return parts.stream().flatMap(p -> p.configs().stream()).toList();
    }

    /** The families this grid measures. */
    public Set<Family> families() {
        return parts.stream().map(Part::familyValue).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * This grid with only the parts of {@code families}, and with {@code alphas} and {@code resolutions} (when not
     * null) in place of every part's own.
     */
    public CalibrationGrid select(Set<Family> families, List<Double> alphas, List<Integer> resolutions) {
        List<Part> out = new ArrayList<>();
        for (Part p : parts) {
            if (families.contains(p.familyValue())) {
                out.add(new Part(p.family(), p.minimalistic(), alphas != null ? alphas : p.alphas(),
                        resolutions != null ? resolutions : p.resolutions()));
            }
        }
        return new CalibrationGrid(out);
    }

    /** True when a part of {@code c}'s family spans its alpha and resolution (prediction is interpolation). */
    public boolean covers(MobileNetConfig c) {
        return parts.stream().anyMatch(p -> p.covers(c));
    }

    /** {@code v1 alpha 0.25..1.0 x 96..224; v2 alpha 0.5..1.4 x 96..224} */
    public String rangeText() {
        return parts.stream().map(Part::rangeText).collect(Collectors.joining("; "));
    }

    /** The range of {@code family}'s parts, or "not calibrated". */
    public String rangeText(Family family) {
        String s = parts.stream().filter(p -> p.familyValue() == family).map(Part::rangeText)
                .collect(Collectors.joining("; "));
        return s.isEmpty() ? family.id() + " not calibrated" : s;
    }
}
