package org.mobilenetexplorer.bench;

/**
 * An estimated FP32 FMA peak of the threads a benchmark used: vector lanes x FMA units per core x threads x clock.
 * An estimate, never a measurement; stored as its factors, said in words by {@link ResultWords#method}.
 *
 * @param gmacPerSec estimated peak in GMAC/s (one fused multiply-add = one MAC); NaN when unknown
 * @param isa        the vector instruction set the lanes come from; {@link Isa#UNKNOWN} when no SIMD flag is known
 * @param lanes      FP32 lanes per FMA (0 when unknown)
 * @param fmaUnits   FMA units per core, assumed (0 when unknown)
 * @param threads    threads counted (at most the logical cores; 0 when unknown)
 * @param ghz        the clock in GHz ('cpu MHz' in /proc/cpuinfo); NaN when unknown
 */
public record PeakEstimate(double gmacPerSec, Isa isa, int lanes, int fmaUnits, int threads, double ghz) {

    /** Where the lanes come from. */
    public enum Isa {
        /** 16 FP32 lanes. */
        AVX512F,
        /** AVX-512F on AMD before Zen 5 (family &lt; 0x1A): 512-bit FMAs run as two 256-bit halves, 8 lanes. */
        AVX512F_HALF_RATE,
        /** 8 lanes. */
        AVX2_FMA,
        /** 8 lanes, no FMA: a multiply and an add counted as one MAC. */
        AVX,
        /** 4 lanes. */
        SSE2,
        /** 4 lanes. */
        NEON,
        /** No SIMD flags known: no estimate. */
        UNKNOWN
    }

    /** No estimate: no SIMD flags known. */
    public static final PeakEstimate UNKNOWN = new PeakEstimate(Double.NaN, Isa.UNKNOWN, 0, 0, 0, Double.NaN);

    public PeakEstimate {
        InvalidSettingException.required(isa, "fmaPeak.isa");
    }
}
