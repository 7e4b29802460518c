package org.mobilenetexplorer.predict;

import java.util.Objects;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerSpec;

/**
 * What the predictor fits one regression for: a layer kind with the kernel size and stride that change its runtime
 * kernel (a 3x3 depthwise with stride 2 runs other code than with stride 1). A configuration whose layers map to a
 * key the profile has no measurements for is refused, never guessed.
 *
 * @param kind   layer kind
 * @param kernel kernel size, 0 where it does not select the kernel (pointwise, global pool, FC, softmax)
 * @param stride stride, 0 where it does not apply
 */
public record KernelKey(LayerKind kind, int kernel, int stride) implements Comparable<KernelKey> {

    public KernelKey {
        Objects.requireNonNull(kind, "kind");
    }

    /** The key of {@code layer}: one exhaustive switch, so a new layer kind must say what selects its kernel. */
    public static KernelKey of(LayerSpec layer) {
        return switch (layer.kind()) {
            case CONV, DEPTHWISE -> new KernelKey(layer.kind(), layer.kernel(), layer.stride());
            case POINTWISE, AVG_POOL, FC, SOFTMAX -> new KernelKey(layer.kind(), 0, 0);
        };
    }

    /** {@code DEPTHWISE 3x3/2}, {@code POINTWISE}: the name used in tables, JSON and messages. */
    public String id() {
        return kernel == 0 ? kind.name() : kind.name() + " " + kernel + "x" + kernel + "/" + stride;
    }

    @Override
    public int compareTo(KernelKey o) {
        int c = kind.compareTo(o.kind);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(kernel, o.kernel);
        return c != 0 ? c : Integer.compare(stride, o.stride);
    }

    @Override
    public String toString() {
        return id();
    }
}
