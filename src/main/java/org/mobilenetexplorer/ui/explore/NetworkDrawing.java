package org.mobilenetexplorer.ui.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mobilenetexplorer.ui.common.Formats;

/**
 * The geometry of the network drawing: one box per top-level row of the layer table (a block, or a layer outside
 * blocks), left to right in execution order. A box's width grows with its output channels and its height with its
 * output resolution (square-root scales, so a 16-channel block and the 1280-channel head both stay visible); its
 * shade is its share of the MACs relative to the largest box's (0 = none, 1 = the largest). Pure arithmetic, so the
 * view only draws it and tests check it without a window.
 *
 * @param width  the drawing's width: the width asked for, or more when the boxes need it at their narrowest
 * @param height the drawing's height
 * @param boxes  the boxes in execution order
 */
public record NetworkDrawing(double width, double height, List<Box> boxes) {
    /** Space around the boxes. */
    public static final double MARGIN = 8;
    /** Space between two boxes. */
    public static final double GAP = 4;
    /** No box is narrower or lower than this. */
    public static final double MIN_SIDE = 3;
    /** Widest a box grows per square-root channel (a short network does not stretch to the full width). */
    public static final double MAX_X_SCALE = 4;

    /**
     * One box.
     *
     * @param key     the row it stands for ({@link LayerTableRow#key()})
     * @param x       left edge
     * @param y       top edge
     * @param width   width
     * @param height  height
     * @param shade   share of the MACs relative to the largest box's, 0..1
     * @param tooltip what the box is, its shapes and costs
     */
    public record Box(String key, double x, double y, double width, double height, double shade, String tooltip) {
        /** True when the point lies on the box (edges included). */
        public boolean contains(double px, double py) {
            return px >= x && px <= x + width && py >= y && py <= y + height;
        }
    }

    public NetworkDrawing {
        boxes = List.copyOf(boxes);
    }

    /** Lays {@code rows} out in a drawing of {@code width} x {@code height} pixels. */
    public static NetworkDrawing layout(List<LayerTableRow> rows, double width, double height) {
        if (rows.isEmpty()) {
            return new NetworkDrawing(width, height, List.of());
        }
        double sumW = 0;
        double maxH = 0;
        double maxShare = 0;
        for (LayerTableRow r : rows) {
            sumW += Math.sqrt(r.output().c());
            maxH = Math.max(maxH, Math.sqrt(r.output().h()));
            maxShare = Math.max(maxShare, r.macShare());
        }
        double free = width - 2 * MARGIN - (rows.size() - 1) * GAP;
        double sx = Math.min(MAX_X_SCALE, Math.max(0, free / sumW));
        double sy = Math.max(0, (height - 2 * MARGIN) / maxH);
        List<Box> boxes = new ArrayList<>(rows.size());
        double x = MARGIN;
        for (LayerTableRow r : rows) {
            double w = Math.max(MIN_SIDE, sx * Math.sqrt(r.output().c()));
            double h = Math.max(MIN_SIDE, sy * Math.sqrt(r.output().h()));
            boxes.add(new Box(r.key(), x, (height - h) / 2, w, h, maxShare == 0 ? 0 : r.macShare() / maxShare,
                    tooltip(r)));
            x += w + GAP;
        }
        return new NetworkDrawing(Math.max(width, x - GAP + MARGIN), height, boxes);
    }

    /** The key of the box at ({@code x}, {@code y}), if any. */
    public Optional<String> keyAt(double x, double y) {
        return boxes.stream().filter(b -> b.contains(x, y)).map(Box::key).findFirst();
    }

    /** The box of {@code key}. */
    public Optional<Box> box(String key) {
        return boxes.stream().filter(b -> b.key().equals(key)).findFirst();
    }

    private static String tooltip(LayerTableRow r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.key()).append(" (").append(r.kindText()).append(")\n");
        sb.append(r.input()).append(" \u2192 ").append(r.output());
        if (r instanceof GroupRow g && g.block().hasExpansion()) {
            sb.append("\nchannels ").append(g.block().inputChannels()).append(" \u2192 ")
                    .append(g.block().expandedChannels()).append(" \u2192 ").append(g.block().outputChannels());
            if (g.block().hasSqueezeExcite()) {
                sb.append(", squeeze-and-excite ").append(g.block().squeezeChannels());
            }
        }
        sb.append('\n').append(Formats.count(r.macs())).append(" MACs (").append(Formats.percent(r.macShare()))
                .append(")\n").append(Formats.count(r.params())).append(" params (")
                .append(Formats.percent(r.paramShare())).append(')');
        if (r instanceof GroupRow g) {
            sb.append("\n").append(g.layers().size()).append(" layers: click to select the block");
        }
        return sb.toString();
    }
}
