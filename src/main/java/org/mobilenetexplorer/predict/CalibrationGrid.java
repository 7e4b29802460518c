package org.mobilenetexplorer.predict;

import java.util.ArrayList;
import java.util.List;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * The configurations a calibration (or a validation) measures: every alpha with every resolution, other knobs at
 * their defaults (1000 classes, slim rounding, five 14x14 blocks, separable blocks).
 *
 * @param alphas      width multipliers, each in (0, 4]
 * @param resolutions resolutions, each in 32..2048
 */
public record CalibrationGrid(List<Double> alphas, List<Integer> resolutions) {

    /**
     * The default calibration grid: the four published widths and two widths whose channel counts are mostly not
     * multiples of 4 (0.3: 9, 19, 38, 76, 153, 307; 0.65: 20, 41, 83, 166, 332, 665), so both depthwise kernel kinds
     * are measured ({@link KernelKey#DEPTHWISE_CHANNEL_MULTIPLE}), at five resolutions: 30 networks, 900 layer
     * measurements. Bounded by the 5-minute budget for ONNX Runtime on 2 cores (docs/decisions/010).
     */
    public static final CalibrationGrid DEFAULT =
            new CalibrationGrid(List.of(0.25, 0.3, 0.5, 0.65, 0.75, 1.0), List.of(96, 128, 160, 192, 224));

    /**
     * Held-out configurations for {@code predict --validate}: alphas and resolutions that are not on
     * {@link #DEFAULT} (channel counts that are not multiples of 8, feature maps that are not multiples of 32),
     * inside its range so the check is interpolation, as the predictor is meant to be used.
     */
    public static final CalibrationGrid HELD_OUT =
            new CalibrationGrid(List.of(0.35, 0.6, 0.9), List.of(112, 150, 176, 200));

    public CalibrationGrid {
        alphas = List.copyOf(alphas);
        resolutions = List.copyOf(resolutions);
        if (alphas.isEmpty() || resolutions.isEmpty()) {
            throw new IllegalArgumentException("grid: alphas and resolutions must not be empty");
        }
        configs(alphas, resolutions); // validates every value, naming it
    }

    /** Every configuration, alpha-major. */
    public List<MobileNetConfig> configs() {
        return configs(alphas, resolutions);
    }

    private static List<MobileNetConfig> configs(List<Double> alphas, List<Integer> resolutions) {
        List<MobileNetConfig> out = new ArrayList<>(alphas.size() * resolutions.size());
        for (double a : alphas) {
            for (int r : resolutions) {
                out.add(new MobileNetConfig(a, r));
            }
        }
        return out;
    }

    /** True when {@code c} lies within the grid's alpha and resolution range (prediction is interpolation). */
    public boolean covers(MobileNetConfig c) {
        double aMin = alphas.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double aMax = alphas.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        int rMin = resolutions.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int rMax = resolutions.stream().mapToInt(Integer::intValue).max().orElseThrow();
        return c.alpha() >= aMin - 1e-9 && c.alpha() <= aMax + 1e-9 && c.resolution() >= rMin
                && c.resolution() <= rMax;
    }

    /** {@code alpha 0.25..1.0 x resolution 96..224} */
    public String rangeText() {
        return "alpha " + MobileNetConfig.fmt(alphas.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                + ".." + MobileNetConfig.fmt(alphas.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                + " x resolution " + resolutions.stream().mapToInt(Integer::intValue).min().orElseThrow() + ".."
                + resolutions.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
}
