package org.mobilenetexplorer.predict;

import java.util.Comparator;
import java.util.Objects;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerSpec;

/**
 * What the predictor fits one regression for: a layer kind with what selects its runtime kernel. A 3x3 depthwise
 * with stride 2 runs other code than with stride 1, and a depthwise whose channel count is not a multiple of
 * {@value #DEPTHWISE_CHANNEL_MULTIPLE} ran 5-8 times slower per MAC on ONNX Runtime (its vectorised NCHWc path does
 * not take it: 1.2-2.3 vs 8.4-13.9 GMAC/s, docs/decisions/010), so it is a kernel kind of its own. A configuration
 * whose layers map to a key the profile has no measurements for is refused, never guessed.
 *
 * @param kind            layer kind
 * @param kernel          kernel size, 0 where it does not select the kernel (pointwise, global pool, FC, softmax)
 * @param stride          stride, 0 where it does not apply
 * @param channelMultiple depthwise: {@value #DEPTHWISE_CHANNEL_MULTIPLE} when the channels are a multiple of it, else
 *                        1; 0 for the other kinds
 */
public record KernelKey(LayerKind kind, int kernel, int stride, int channelMultiple) implements Comparable<KernelKey> {

    /** Depthwise channel counts that are a multiple of this run the fast kernel (measured on ONNX Runtime). */
    public static final int DEPTHWISE_CHANNEL_MULTIPLE = 4;

    private static final Comparator<KernelKey> ORDER = Comparator.comparing(KernelKey::kind)
            .thenComparingInt(KernelKey::kernel).thenComparingInt(KernelKey::stride)
            .thenComparing(Comparator.comparingInt(KernelKey::channelMultiple).reversed());

    public KernelKey {
        Objects.requireNonNull(kind, "kind");
    }

    /** A key without a channel condition. */
    public KernelKey(LayerKind kind, int kernel, int stride) {
        this(kind, kernel, stride, 0);
    }

    /** The key of {@code layer}: one exhaustive switch, so a new layer kind must say what selects its kernel. */
    public static KernelKey of(LayerSpec layer) {
        return switch (layer.kind()) {
            case DEPTHWISE -> new KernelKey(layer.kind(), layer.kernel(), layer.stride(),
                    layer.input().c() % DEPTHWISE_CHANNEL_MULTIPLE == 0 ? DEPTHWISE_CHANNEL_MULTIPLE : 1);
            case CONV -> new KernelKey(layer.kind(), layer.kernel(), layer.stride());
            case POINTWISE, SE_CONV, AVG_POOL, FC, SOFTMAX, ADD, MULTIPLY -> new KernelKey(layer.kind(), 0, 0);
        };
    }

    /** {@code DEPTHWISE 3x3/2 c%4=0}, {@code POINTWISE}: the name used in tables, JSON and messages. */
    public String id() {
        String s = kernel == 0 ? kind.name() : kind.name() + " " + kernel + "x" + kernel + "/" + stride;
        if (channelMultiple == 0) {
            return s;
        }
        return s + (channelMultiple == 1 ? " c%" + DEPTHWISE_CHANNEL_MULTIPLE + "!=0"
                : " c%" + channelMultiple + "=0");
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
