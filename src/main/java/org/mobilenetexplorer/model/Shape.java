package org.mobilenetexplorer.model;

/** A feature map's height x width x channels (batch 1, no batch dimension). */
public record Shape(int h, int w, int c) {
    public Shape {
        if (h < 1 || w < 1 || c < 1) {
            throw new IllegalArgumentException("shape " + h + "x" + w + "x" + c + ": every dimension must be >= 1");
        }
    }

    public long elements() {
        return (long) h * w * c;
    }

    /** {@code 112x112x32}, the paper's Table 1 style. */
    @Override
    public String toString() {
        return h + "x" + w + "x" + c;
    }

    public int[] toArray() {
        return new int[] {h, w, c};
    }
}
