package org.mobilenetexplorer.reference;

import java.util.Arrays;

/**
 * A quantized network's output compared with the FP32 reference with metrics that suit quantization (bit-exactness
 * is not expected: every layer rounds its output to 256 levels). Per image, the logits are compared by <b>cosine
 * similarity</b> after removing their mean; the logits are recovered from the softmax outputs as
 * {@code log(p)}, which equals the logits up to a per-image constant that the centering removes. Class rankings are
 * compared by top-1 and top-5 agreement.
 *
 * @param minCosine     smallest per-image cosine similarity of the centered logits
 * @param meanCosine    mean of the per-image cosine similarities
 * @param top5Agree     images whose top-5 class sets (order ignored) are equal
 * @param top1Agree     images whose top-1 classes are equal
 * @param top1InTop5    images whose reference top-1 class is among the quantized top-5
 * @param images        batch size
 * @param maxAbsDiff    largest |quantized - reference| softmax probability (for information)
 */
public record QuantizedComparison(double minCosine, double meanCosine, int top5Agree, int top1Agree, int top1InTop5,
                                  int images, double maxAbsDiff) {

    /** Default tolerance: every image's centered logits have cosine similarity at least this. */
    public static final double DEFAULT_MIN_COSINE = 0.99;

    /** Compares {@code actual} (batch x classes softmax) with the reference softmax. */
    public static QuantizedComparison of(double[] reference, float[] actual, int classes) {
        if (reference.length != actual.length || reference.length % classes != 0) {
            throw new IllegalArgumentException("output has " + actual.length + " values, reference " + reference.length
                    + " (classes " + classes + ")");
        }
        int images = reference.length / classes;
        double minCos = Double.POSITIVE_INFINITY;
        double sumCos = 0;
        int top5 = 0;
        int top1 = 0;
        int inTop5 = 0;
        double maxDiff = 0;
        for (int b = 0; b < images; b++) {
            int from = b * classes;
            double[] r = new double[classes];
            double[] a = new double[classes];
            for (int i = 0; i < classes; i++) {
                r[i] = logOf(reference[from + i]);
                a[i] = logOf(actual[from + i]);
                maxDiff = Math.max(maxDiff, Math.abs(reference[from + i] - actual[from + i]));
            }
            double c = centeredCosine(r, a);
            minCos = Math.min(minCos, c);
            sumCos += c;
            int[] rt = OutputComparison.topK(i -> r[i], classes, 5);
            int[] at = OutputComparison.topK(i -> a[i], classes, 5);
            if (rt[0] == at[0]) {
                top1++;
            }
            int ref1 = rt[0];
            if (Arrays.stream(at).anyMatch(k -> k == ref1)) {
                inTop5++;
            }
            if (OutputComparison.sameSet(rt, at)) {
                top5++;
            }
        }
        return new QuantizedComparison(minCos, sumCos / images, top5, top1, inTop5, images, maxDiff);
    }

    /** log p, with p = 0 (a float softmax underflow) taken as the smallest positive float. */
    private static double logOf(double p) {
        return Math.log(Math.max(p, Float.MIN_VALUE));
    }

    /** Cosine similarity of two vectors after subtracting each one's mean (NaN when either is constant). */
    public static double centeredCosine(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            double a = x[i] - mx;
            double b = y[i] - my;
            dot += a * b;
            nx += a * a;
            ny += b * b;
        }
        return dot / Math.sqrt(nx * ny);
    }

    /**
     * The tolerance: every image's centered-logit cosine is at least {@code minCosine} and every image's reference
     * top-1 class is among the quantized top-5 (top-5 set equality is reported but not required: near-ties among
     * the 5th and 6th classes swap under 8-bit rounding).
     */
    public boolean passes(double minCosine) {
        return this.minCosine >= minCosine && top1InTop5 == images;
    }
}
