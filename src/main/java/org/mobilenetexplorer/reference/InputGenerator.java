package org.mobilenetexplorer.reference;

import java.util.SplittableRandom;
import org.mobilenetexplorer.model.ArchitectureSpec;

/**
 * Seeded input images: NHWC, values uniform in [-1, 1) (MobileNet's preprocessing maps pixels to [-1, 1]).
 */
public final class InputGenerator {
    private InputGenerator() {
    }

    /** {@code batch} images of {@code spec}'s input shape, NHWC, from {@code seed}. */
    public static float[] generate(ArchitectureSpec spec, int batch, long seed) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch = " + batch + ": must be >= 1");
        }
        long n = spec.input().elements() * batch;
        float[] a = new float[Math.toIntExact(n)];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextDouble(-1.0, 1.0);
        }
        return a;
    }
}
