package org.mobilenetexplorer.accuracy;

import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * One accuracy number pair as published (or imported), for one network.
 *
 * @param config   the network the number describes (alpha, resolution and structure; classes and activation
 *                 are not part of the identity)
 * @param top1     top-1 accuracy in percent, or null
 * @param top5     top-5 accuracy in percent, or null
 * @param label    the model name as printed (or as the user wrote it)
 * @param sourceId id of the {@link AccuracySource}
 * @param origin   where exactly: table, document revision, or file and line of an import
 */
public record AccuracyPoint(MobileNetConfig config, Double top1, Double top5, String label, String sourceId,
                            String origin) {

    public AccuracyPoint {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        checkPercent("top1", top1);
        checkPercent("top5", top5);
        if (top1 == null && top5 == null) {
            throw new IllegalArgumentException("top1 and top5 = empty: at least one accuracy is required");
        }
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("source = " + sourceId + ": must not be empty");
        }
        label = label == null || label.isBlank() ? config.label() : label;
        origin = origin == null ? "" : origin;
    }

    private static void checkPercent(String field, Double v) {
        if (v != null && !(v >= 0.0 && v <= 100.0)) {
            throw new IllegalArgumentException(field + " = " + v + ": must be a percentage in [0, 100]");
        }
    }

    /** The family the point describes (its configuration's). */
    public Family family() {
        return config.family();
    }

    /** True when the point describes {@code c}'s family and variant (minimalistic or not). */
    public boolean sameFamily(MobileNetConfig c) {
        return config.family() == c.family() && config.minimalistic() == c.minimalistic();
    }

    /** True for the standard architecture the estimator works on (depthwise separable, all five 14x14 blocks). */
    public boolean isStandardStructure() {
        return !config.standardConv() && config.blocks14() == MobileNetConfig.MAX_BLOCKS14;
    }

    /**
     * True when this point describes {@code c}: same family and variant, same alpha, resolution and structure. The class count and the
     * activation do not matter; the rounding rule matters only when it changes a channel count (alpha below
     * 0.25), which the caller checks by comparing MACs.
     */
    public boolean sameNetwork(MobileNetConfig c) {
        return sameFamily(c) && Math.abs(config.alpha() - c.alpha()) < 1e-9 && config.resolution() == c.resolution()
                && config.standardConv() == c.standardConv() && config.blocks14() == c.blocks14();
    }
}
