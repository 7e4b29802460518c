package org.mobilenetexplorer.reference;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A backend's softmax compared with the reference's, over a batch.
 *
 * @param maxAbsDiff    largest |backend - reference| over every probability
 * @param top5Agree     images whose top-5 class sets (order ignored) are equal
 * @param top1Agree     images whose top-1 classes are equal
 * @param images        batch size
 * @param referenceTop1 the reference's largest probability of the first image (shows the softmax is not flat)
 */
public record OutputComparison(double maxAbsDiff, int top5Agree, int top1Agree, int images, double referenceTop1) {

    /** Compares {@code actual} (batch x classes) with {@code reference}. */
    public static OutputComparison of(double[] reference, float[] actual, int classes) {
        if (reference.length != actual.length || reference.length % classes != 0) {
            throw new IllegalArgumentException("output has " + actual.length + " values, reference " + reference.length
                    + " (classes " + classes + ")");
        }
        int images = reference.length / classes;
        double max = 0;
        for (int i = 0; i < reference.length; i++) {
            double d = Math.abs(reference[i] - actual[i]);
            if (Double.isNaN(d)) {
                max = Double.NaN;
                break;
            }
            max = Math.max(max, d);
        }
        int top5 = 0;
        int top1 = 0;
        for (int b = 0; b < images; b++) {
            int from = b * classes;
            int[] r = topK(i -> reference[from + i], classes, 5);
            int[] a = topK(i -> actual[from + i], classes, 5);
            if (r[0] == a[0]) {
                top1++;
            }
            if (sameSet(r, a)) {
                top5++;
            }
        }
        double refTop1 = IntStream.range(0, classes).mapToDouble(i -> reference[i]).max().orElse(Double.NaN);
        return new OutputComparison(max, top5, top1, images, refTop1);
    }

    /** True when {@code a} and {@code b} hold the same indices, in any order (the same top-k). */
    static boolean sameSet(int[] a, int[] b) {
        int[] as = a.clone();
        int[] bs = b.clone();
        Arrays.sort(as);
        Arrays.sort(bs);
        return Arrays.equals(as, bs);
    }

    /** Indices of the k largest values, largest first. */
    public static int[] topK(java.util.function.IntToDoubleFunction value, int n, int k) {
        return IntStream.range(0, n).boxed()
                .sorted((x, y) -> Double.compare(value.applyAsDouble(y), value.applyAsDouble(x)))
                .limit(Math.min(k, n)).mapToInt(Integer::intValue).toArray();
    }

    /** True when the max difference is within {@code tolerance} and every image's top-5 set agrees. */
    public boolean passes(double tolerance) {
        return maxAbsDiff <= tolerance && top5Agree == images;
    }
}
