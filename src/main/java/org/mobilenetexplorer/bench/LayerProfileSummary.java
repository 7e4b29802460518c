package org.mobilenetexplorer.bench;

import java.util.List;

/**
 * How the per-layer profile compares with the whole network.
 *
 * @param repeats           forward passes profiled
 * @param layerSumMs        sum of the per-layer medians, ms
 * @param networkMedianMs   the whole-network median of the measurement phase, ms
 * @param differencePercent (layerSumMs - networkMedianMs) / networkMedianMs x 100
 * @param consistent        |differencePercent| <= {@link #TOLERANCE_PERCENT} (in words: {@link ResultWords#note})
 * @param byKind            the profile summed by layer kind
 */
public record LayerProfileSummary(int repeats, double layerSumMs, double networkMedianMs, double differencePercent,
                                  boolean consistent, List<KindProfile> byKind) {

    /** Per-layer sum vs whole network: beyond this the profile is reported as not matching. */
    public static final double TOLERANCE_PERCENT = 15.0;

    public LayerProfileSummary {
        byKind = List.copyOf(InvalidSettingException.required(byKind, "layerSummary.byKind"));
    }
}
