package org.mobilenetexplorer.predict;

import java.util.Comparator;
import java.util.Objects;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerSpec;

/**
 * What the predictor fits one regression for: a layer kind with what selects its runtime kernel. A 3x3 depthwise
 * with stride 2 runs other code than with stride 1, a 5x5 other code than a 3x3; and for the convolutions, the
 * channel alignment: ONNX Runtime's blocked NCHWc kernels (block {@value #BLOCK} channels with AVX-512, 8 with
 * AVX2) take a depthwise convolution only when its channels are a multiple of the block and a standard or 1x1
 * convolution only when its input channels are (onnxruntime/core/optimizer/nchwc_transformer.cc); otherwise a
 * slower NCHW kernel runs, with layout reorders around it. Measured on this machine (docs/decisions/010), a
 * depthwise layer ran at 1.8 GMAC/s with odd channels and 10-12 with a multiple of 8 or 16, a 1x1 convolution at
 * about 60 with unaligned and 100 with aligned input channels. So each convolution kind is split by its
 * {@linkplain #alignment(int) alignment}: the largest power of two, up to {@value #BLOCK}, that divides the
 * channels the kernel is selected by. The classes refine every block size up to 16 (8 and 4 included), so the split
 * is right on AVX2 and ARM machines too; on a backend without the effect (DL4J) the classes simply fit alike. A
 * configuration whose layers map to a key the profile has no measurements of is refused, never guessed.
 *
 * @param kind      layer kind
 * @param kernel    kernel size, 0 where it does not select the kernel (1x1 convolutions, pools, FC, softmax, add,
 *                  multiply)
 * @param stride    stride, 0 where it does not apply
 * @param alignment the convolutions' channel alignment ({@link #alignment(int)}: 1, 2, 4, 8 or 16); 0 for the other
 *                  kinds
 */
public record KernelKey(LayerKind kind, int kernel, int stride, int alignment) implements Comparable<KernelKey> {

    /** The widest NCHWc block of ONNX Runtime's MLAS (AVX-512): channel alignment is counted up to it. */
    public static final int BLOCK = 16;

    private static final Comparator<KernelKey> ORDER = Comparator.comparing(KernelKey::kind)
            .thenComparingInt(KernelKey::kernel).thenComparingInt(KernelKey::stride)
            .thenComparing(Comparator.comparingInt((KernelKey k) -> k.alignment()).reversed());

    public KernelKey {
        Objects.requireNonNull(kind, "kind");
        if (alignment != 0 && (alignment > BLOCK || Integer.bitCount(alignment) != 1)) {
            throw new IllegalArgumentException("alignment = " + alignment + ": must be 0 or a power of two <= "
                    + BLOCK);
        }
    }

    /** A key without a channel condition. */
    public KernelKey(LayerKind kind, int kernel, int stride) {
        this(kind, kernel, stride, 0);
    }

    /** The largest power of two up to {@value #BLOCK} that divides {@code channels} (1 for odd counts). */
    public static int alignment(int channels) {
        return Math.min(Integer.lowestOneBit(channels), BLOCK);
    }

    /**
     * The key of {@code layer}: one exhaustive switch, so a new layer kind must say what selects its kernel.
     * Depthwise: kernel, stride and the alignment of its channels; standard and 1x1 convolutions: the alignment of
     * their input channels (the blocked kernels pad the output channels instead, see {@link KernelFeatures}).
     */
    public static KernelKey of(LayerSpec layer) {
        return switch (layer.kind()) {
            case DEPTHWISE, CONV -> new KernelKey(layer.kind(), layer.kernel(), layer.stride(),
                    alignment(layer.input().c()));
            case POINTWISE, SE_CONV -> new KernelKey(layer.kind(), 0, 0, alignment(layer.input().c()));
            case AVG_POOL, FC, SOFTMAX, ADD, MULTIPLY -> new KernelKey(layer.kind(), 0, 0);
        };
    }

    /** {@code DEPTHWISE 3x3/2 align 4}, {@code POINTWISE align 16}, {@code FC}: the name in tables, JSON, messages. */
    public String id() {
        String s = kernel == 0 ? kind.name() : kind.name() + " " + kernel + "x" + kernel + "/" + stride;
        return alignment == 0 ? s : s + " align " + alignment;
    }

    @Override
    public int compareTo(KernelKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return id();
    }
}
