package org.mobilenetexplorer.published;

/**
 * How a recorded published figure that our rounded arithmetic does not give is reproduced after all (the
 * {@code fits} field of the known-misprint data), when it is.
 */
public enum PublishedFit {
    /** Our count truncated, not rounded, to the printed precision gives the printed figure. */
    TRUNCATED("truncated"),
    /** The figure is that of V3-Small with a 1280-channel last layer (the V3 paper's earlier Table 2). */
    V3_SMALL_HEAD_1280("v3-small-head-1280");

    private final String id;

    PublishedFit(String id) {
        this.id = id;
    }

    /** The id as the data writes it ({@code truncated}, {@code v3-small-head-1280}); Jackson reads it back. */
    @Override
    public String toString() {
        return id;
    }
}
