package org.mobilenetexplorer.bench;

import java.util.Objects;

/**
 * An estimated FP32 FMA peak of the threads a benchmark used. An estimate, never a measurement: {@code method}
 * spells out the product it came from.
 *
 * @param gmacPerSec  estimated peak in GMAC/s (one fused multiply-add = one MAC); NaN when unknown
 * @param method      how it was estimated, e.g. "16 FP32 lanes (AVX-512F) x 2 FMA units x 2 threads x 2.60 GHz"
 */
public record PeakEstimate(double gmacPerSec, String method) {
    public PeakEstimate {
        Objects.requireNonNull(method, "method");
    }
}
