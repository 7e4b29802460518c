package org.mobilenetexplorer.ui.explore;

import java.util.ArrayList;
import java.util.List;
import org.mobilenetexplorer.model.BlockSpec;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.Shape;

/**
 * A group of layers in the layer table, with their totals: a block (V1's depthwise-separable pair, V2/V3's
 * inverted residual) or the squeeze-and-excite branch inside a V3 block.
 *
 * @param key      the group's TF-Slim scope ({@code Conv2d_3}, {@code expanded_conv_3},
 *                 {@code expanded_conv_3/squeeze_excite})
 * @param kind     what the group is
 * @param block    the block it belongs to
 * @param children its rows in execution order (layers, and squeeze-and-excite's group inside a block)
 * @param macShare   share of the network's MACs (0..1)
 * @param paramShare share of the network's params (0..1)
 */
public record GroupRow(String key, Kind kind, BlockSpec block, List<LayerTableRow> children, double macShare,
                       double paramShare) implements LayerTableRow {

    /** What a group is. */
    public enum Kind {
        /** V1's depthwise-separable block, or a V2/V3 block without an expansion convolution. */
        SEPARABLE("Separable"),
        /** V2/V3's inverted residual: expand - depthwise - project (with squeeze-and-excite in V3). */
        INVERTED_RESIDUAL("Inv. residual"),
        /** Squeeze-and-excite inside a block: pool, reduce, expand, multiply. */
        SQUEEZE_EXCITE("Squeeze-excite");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** How the table names it. */
        public String text() {
            return text;
        }
    }

    public GroupRow {
        children = List.copyOf(children);
        if (children.isEmpty()) {
            throw new IllegalArgumentException("group " + key + " has no rows");
        }
    }

    /**
     * The rows of a block: its layers, the squeeze-and-excite layers (the global pool, the SE convolutions and the
     * multiply inside the block) grouped in one row. {@code totalMacs} and {@code totalParams} give the shares.
     */
    static GroupRow ofBlock(BlockSpec block, List<LayerRow> layers, long totalMacs, long totalParams) {
        List<LayerTableRow> children = new ArrayList<>();
        List<LayerTableRow> se = new ArrayList<>();
        for (LayerRow l : layers) {
            if (isSqueezeExcite(l.stats().kind())) {
                se.add(l);
                continue;
            }
            if (!se.isEmpty()) {
                children.add(group(block.name() + "/squeeze_excite", Kind.SQUEEZE_EXCITE, block, se, totalMacs,
                        totalParams));
                se = new ArrayList<>();
            }
            children.add(l);
        }
        if (!se.isEmpty()) {
            children.add(group(block.name() + "/squeeze_excite", Kind.SQUEEZE_EXCITE, block, se, totalMacs,
                    totalParams));
        }
        Kind kind = block.hasExpansion() ? Kind.INVERTED_RESIDUAL : Kind.SEPARABLE;
        return group(block.name(), kind, block, children, totalMacs, totalParams);
    }

    /** Inside a block, the kinds that only squeeze-and-excite has (pool and multiply live nowhere else in a block). */
    private static boolean isSqueezeExcite(LayerKind kind) {
        return switch (kind) {
            case AVG_POOL, SE_CONV, MULTIPLY -> true;
            case CONV, DEPTHWISE, POINTWISE, FC, SOFTMAX, ADD -> false;
        };
    }

    private static GroupRow group(String key, Kind kind, BlockSpec block, List<LayerTableRow> children, long totalMacs,
                                  long totalParams) {
        long macs = 0;
        long params = 0;
        for (LayerTableRow c : children) {
            macs += c.macs();
            params += c.params();
        }
        return new GroupRow(key, kind, block, children, totalMacs == 0 ? 0 : macs / (double) totalMacs,
                totalParams == 0 ? 0 : params / (double) totalParams);
    }

    @Override
    public int index() {
        return children.get(0).index();
    }

    @Override
    public String indexText() {
        List<LayerRow> layers = layers();
        return index() + "-" + layers.get(layers.size() - 1).index();
    }

    @Override
    public String kindText() {
        String t = kind.text();
        if (kind == Kind.INVERTED_RESIDUAL && block.residual()) {
            t += " + add";
        }
        return t;
    }

    @Override
    public int kernel() {
        int k = 1;
        for (LayerRow l : layers()) {
            if (l.stats().kind().isConvolution()) {
                k = Math.max(k, l.kernel());
            }
        }
        return k;
    }

    @Override
    public int stride() {
        int s = 1;
        for (LayerRow l : layers()) {
            s *= l.stride();
        }
        return s;
    }

    @Override
    public Shape input() {
        return children.get(0).input();
    }

    @Override
    public Shape output() {
        return children.get(children.size() - 1).output();
    }

    @Override
    public long macs() {
        return layers().stream().mapToLong(LayerRow::macs).sum();
    }

    @Override
    public long params() {
        return layers().stream().mapToLong(LayerRow::params).sum();
    }

    @Override
    public long bnParams() {
        return layers().stream().mapToLong(LayerRow::bnParams).sum();
    }

    @Override
    public long outputElements() {
        return layers().stream().mapToLong(LayerRow::outputElements).sum();
    }

    @Override
    public long outputBytes() {
        return layers().stream().mapToLong(LayerRow::outputBytes).sum();
    }

    @Override
    public List<LayerRow> layers() {
        List<LayerRow> out = new ArrayList<>();
        for (LayerTableRow c : children) {
            out.addAll(c.layers());
        }
        return out;
    }
}
