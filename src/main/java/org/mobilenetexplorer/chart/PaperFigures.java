package org.mobilenetexplorer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;
import org.mobilenetexplorer.io.AtomicFiles;

/**
 * Draws a {@link PaperFigure} with Java2D, once for every target: the window (through an image at the screen's
 * scale), PNG ({@link #image}) and SVG ({@link #svgText}, JFreeSVG). Every figure has one logical size
 * ({@link #WIDTH} x {@link #HEIGHT}); targets scale it. Files are written atomically.
 */
public final class PaperFigures {
    /** Logical width of every figure. */
    public static final int WIDTH = 1000;
    /** Logical height of every figure. */
    public static final int HEIGHT = 380;

    private static final Color WIDE = new Color(0x4c, 0x8b, 0xd6);
    private static final Color NARROW = new Color(0xe8, 0x8b, 0x2e);
    private static final Color LINEAR = new Color(0xf4, 0xd0, 0x9a);
    private static final Color SE = new Color(0x3f, 0xa3, 0x6b);
    private static final String FONT = "SansSerif";

    private PaperFigures() {
    }

    /**
     * The neutral colours of a drawing: its background, its text and lines, its secondary text. The box colours stay
     * in every palette (mid tones, readable on both).
     *
     * @param paper the background
     * @param ink   titles, labels, outlines, arrows
     * @param muted secondary text (captions, notes)
     */
    public record Palette(Color paper, Color ink, Color muted) {
        /** As the drawings are exported, and in the light theme. */
        public static final Palette LIGHT = new Palette(Color.WHITE, new Color(0x22, 0x22, 0x22),
                new Color(0x55, 0x5b, 0x66));

        /** Beside charts painted in {@code chart}'s colours (the window's theme). */
        public static Palette of(ChartColors chart) {
            if (chart.equals(ChartColors.LIGHT)) {
                return LIGHT;
            }
            Color bg = chart.background();
            Color text = chart.text();
            // secondary text a third of the way from the text to the background, as the light palette's grey
            Color muted = new Color((2 * text.getRed() + bg.getRed()) / 3, (2 * text.getGreen() + bg.getGreen()) / 3,
                    (2 * text.getBlue() + bg.getBlue()) / 3);
            return new Palette(bg, text, muted);
        }
    }

    /** Draws {@code f} into {@code g} on a {@link #WIDTH} x {@link #HEIGHT} area at the origin, in the light palette. */
    public static void draw(Graphics2D g, PaperFigure f) {
        draw(g, f, Palette.LIGHT);
    }

    /** Draws {@code f} into {@code g} on a {@link #WIDTH} x {@link #HEIGHT} area at the origin, in {@code p}. */
    public static void draw(Graphics2D g, PaperFigure f, Palette p) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(p.paper());
        g.fill(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        g.setColor(p.ink());
        g.setFont(new Font(FONT, Font.BOLD, 23));
        text(g, f.title(), WIDTH / 2.0, 32, Align.CENTER);
        if (f instanceof PaperFigure.Separable s) {
            separable(g, p, s);
        } else if (f instanceof PaperFigure.InvertedResidual r) {
            invertedResidual(g, p, r);
        } else if (f instanceof PaperFigure.SqueezeExcite e) {
            squeezeExcite(g, p, e);
        }
    }

    /** The figure as an image of {@code round(WIDTH * scale) x round(HEIGHT * scale)} pixels (light palette). */
    public static BufferedImage image(PaperFigure f, double scale) {
        return image(f, scale, Palette.LIGHT);
    }

    /** The figure as an image of {@code round(WIDTH * scale) x round(HEIGHT * scale)} pixels, in {@code p}. */
    public static BufferedImage image(PaperFigure f, double scale, Palette p) {
        if (!(scale > 0 && scale <= 8)) {
            throw new IllegalArgumentException("scale " + scale + ": must be in (0, 8]");
        }
        BufferedImage img = new BufferedImage((int) Math.round(WIDTH * scale), (int) Math.round(HEIGHT * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            draw(g, f, p);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The figure as an SVG document. */
    public static String svgText(PaperFigure f) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        draw(g, f);
        return g.getSVGDocument();
    }

    /**
     * Writes {@code f} to {@code file}: PNG (at twice the logical size, sharp on a projector) or SVG, by the file's
     * extension.
     */
    public static void write(PaperFigure f, Path file) throws IOException {
        ExportFormat format = ExportFormat.of(file);
        switch (format) {
            case PNG -> {
                BufferedImage img = image(f, 2.0);
                AtomicFiles.write(file, out -> {
                    if (!ImageIO.write(img, "png", out)) {
                        throw new IOException("no PNG writer available");
                    }
                });
            }
            case SVG -> AtomicFiles.write(file, svgText(f).getBytes(StandardCharsets.UTF_8));
            case PDF, CSV, JSON -> throw new IllegalArgumentException("a figure is written as .png or .svg, not ."
                    + format.name().toLowerCase(Locale.ROOT));
        }
    }

    // ------------------------------------------------------------------ V1 Figure 2

    private static void separable(Graphics2D g, Palette p, PaperFigure.Separable s) {
        double colW = WIDTH / 3.0;
        int dk = s.kernel();
        int m = s.inputChannels();
        int n = s.outputChannels();
        double face = 22 + 8 * Math.min(dk, 7); // the D_K x D_K face
        double depth = depthOf(m, 1024);
        panel(g, p, 0, colW, "(a) Standard convolution filters", face, face, depth,
                dk + "×" + dk + "×" + m, "D_K = " + dk, "M = " + m, "N = " + n + " filters", WIDE);
        panel(g, p, colW, colW, "(b) Depthwise filters", face, face, 4,
                dk + "×" + dk + "×1", "D_K = " + dk, "1", "M = " + m + " filters", NARROW);
        panel(g, p, 2 * colW, colW, "(c) Pointwise: 1×1 filters", 10, 10, depth,
                "1×1×" + m, "1", "M = " + m, "N = " + n + " filters", SE);
        g.setFont(new Font(FONT, Font.PLAIN, 17));
        g.setColor(p.muted());
        long std = (long) dk * dk * m * n;
        long sep = (long) dk * dk * m + (long) m * n;
        text(g, "Weights: standard " + count(std) + "  ·  depthwise " + count((long) dk * dk * m) + " + pointwise "
                + count((long) m * n) + " = " + count(sep) + "  (output map " + s.map() + "×" + s.map() + ")",
                WIDTH / 2.0, HEIGHT - 18, Align.CENTER);
    }

    /** One panel of Figure 2: three filters (first, second, last) with their sizes and how many there are. */
    private static void panel(Graphics2D g, Palette p, double x0, double w, String caption, double faceW,
            double faceH, double depth, String size, String kernelLabel, String depthLabel, String countLabel, Color color) {
        g.setFont(new Font(FONT, Font.BOLD, 19));
        g.setColor(p.ink());
        text(g, caption, x0 + w / 2, 78, Align.CENTER, w - 16);
        double dx = depth * 0.6;
        double dy = depth * 0.4;
        double gap = 14;
        double unit = faceW + dx;
        double total = 3 * unit + 2 * gap + 26;
        double x = x0 + (w - total) / 2;
        double yBottom = 230;
        double y = yBottom - faceH;
        for (int i = 0; i < 3; i++) {
            if (i == 2) {
                g.setFont(new Font(FONT, Font.BOLD, 22));
                g.setColor(p.ink());
                text(g, "…", x + 4, yBottom - faceH / 2 + 6, Align.LEFT);
                x += 26;
            }
            cuboid(g, p, x, y, faceW, faceH, dx, dy, color, false);
            if (i == 0) {
                g.setFont(new Font(FONT, Font.PLAIN, 17));
                g.setColor(p.ink());
                text(g, kernelLabel, x + faceW / 2, yBottom + 20, Align.CENTER);
                text(g, depthLabel, x + dx / 2 + faceW / 2, y - dy - 8, Align.CENTER);
            }
            x += unit + gap;
        }
        g.setFont(new Font(FONT, Font.PLAIN, 18));
        g.setColor(p.ink());
        text(g, "each " + size, x0 + w / 2, 285, Align.CENTER);
        g.setFont(new Font(FONT, Font.BOLD, 19));
        text(g, countLabel, x0 + w / 2, 312, Align.CENTER);
    }

    // ------------------------------------------------------------------ V2 Figure 3(b)

    private static void invertedResidual(Graphics2D g, Palette p, PaperFigure.InvertedResidual r) {
        boolean expand = r.hasExpansion();
        int max = Math.max(r.expandedChannels(), Math.max(r.inputChannels(), r.outputChannels()));
        String act = r.activation();
        // tensors: input, [expanded], depthwise output, projected output
        int n = expand ? 4 : 3;
        String[] labels = new String[n];
        int[] channels = new int[n];
        int[] maps = new int[n];
        Color[] colors = new Color[n];
        String[] ops = new String[n - 1];
        String[] acts = new String[n - 1];
        int i = 0;
        labels[i] = "input";
        channels[i] = r.inputChannels();
        maps[i] = r.inputMap();
        colors[i++] = NARROW;
        if (expand) {
            ops[i - 1] = "1×1 conv";
            acts[i - 1] = act;
            labels[i] = "expanded (t = " + fmt(r.expandedChannels() / (double) r.inputChannels()) + ")";
            channels[i] = r.expandedChannels();
            maps[i] = r.inputMap();
            colors[i++] = WIDE;
        }
        ops[i - 1] = r.kernel() + "×" + r.kernel() + " depthwise";
        acts[i - 1] = (r.stride() > 1 ? "stride " + r.stride() + ", " : "") + act + (r.squeezeExcite() ? " + SE" : "");
        labels[i] = "depthwise";
        channels[i] = r.expandedChannels();
        maps[i] = r.outputMap();
        colors[i++] = WIDE;
        ops[i - 1] = "1×1 conv";
        acts[i - 1] = "linear";
        labels[i] = "bottleneck (linear)";
        channels[i] = r.outputChannels();
        maps[i] = r.outputMap();
        colors[i] = LINEAR;

        double slot = (WIDTH - 60) / (double) n;
        double baseY = 265;
        double[] centers = new double[n];
        double[] lefts = new double[n];
        double[] rights = new double[n];
        double[] tops = new double[n];
        for (int k = 0; k < n; k++) {
            double face = maps[k] >= r.inputMap() ? 120 : 88;
            double depth = 8 + 80 * Math.sqrt(channels[k] / (double) max);
            double dx = depth * 0.75;
            double dy = depth * 0.4;
            double cx = 30 + slot * k + slot / 2;
            double x = cx - (face * 0.35 + dx) / 2;
            // a thin slab seen from the side: the front face is narrow, the depth shows the channels
            double fw = face * 0.35;
            cuboid(g, p, x, baseY - face, fw, face, dx, dy, colors[k], k == n - 1);
            centers[k] = cx;
            lefts[k] = x;
            rights[k] = x + fw + dx;
            tops[k] = baseY - face - dy;
            g.setFont(new Font(FONT, Font.BOLD, 18));
            g.setColor(p.ink());
            text(g, maps[k] + "×" + maps[k] + "×" + channels[k], cx, baseY + 26, Align.CENTER);
            g.setFont(new Font(FONT, Font.PLAIN, 17));
            g.setColor(p.muted());
            text(g, labels[k], cx, baseY + 49, Align.CENTER, slot - 8);
        }
        g.setFont(new Font(FONT, Font.PLAIN, 17));
        for (int k = 0; k < n - 1; k++) {
            double x1 = rights[k] + 6;
            double x2 = lefts[k + 1] - 6;
            double y = baseY - 40;
            arrow(g, x1, y, x2, y, p.ink());
            g.setColor(p.ink());
            text(g, ops[k], (x1 + x2) / 2, y - 10, Align.CENTER, x2 - x1);
            g.setColor(p.muted());
            text(g, acts[k], (x1 + x2) / 2, y + 22, Align.CENTER, x2 - x1);
        }
        if (r.residual()) {
            double y = Math.min(tops[0], tops[n - 1]) - 40;
            g.setColor(NARROW.darker());
            g.setStroke(new BasicStroke(2.5f));
            g.draw(new QuadCurve2D.Double(centers[0], tops[0] - 4, (centers[0] + centers[n - 1]) / 2, y - 40,
                    centers[n - 1], tops[n - 1] - 18));
            double px = centers[n - 1];
            double py = tops[n - 1] - 18;
            g.setColor(p.paper());
            g.fill(new Ellipse2D.Double(px - 12, py - 12, 24, 24));
            g.setColor(NARROW.darker());
            g.draw(new Ellipse2D.Double(px - 12, py - 12, 24, 24));
            g.setFont(new Font(FONT, Font.BOLD, 20));
            text(g, "+", px, py + 7, Align.CENTER);
            g.setFont(new Font(FONT, Font.PLAIN, 17));
            text(g, "shortcut: the input is added to the bottleneck", (centers[0] + centers[n - 1]) / 2, y - 14,
                    Align.CENTER);
        } else {
            g.setFont(new Font(FONT, Font.PLAIN, 17));
            g.setColor(p.muted());
            text(g, "no shortcut: " + (r.stride() > 1 ? "stride " + r.stride() + " changes the map size"
                    : "the channels change (" + r.inputChannels() + " → " + r.outputChannels() + ")"),
                    WIDTH / 2.0, 62, Align.CENTER);
        }
        g.setFont(new Font(FONT, Font.PLAIN, 17));
        g.setColor(p.muted());
        text(g, "narrow → wide → narrow: non-linearities only in the wide space; the bottleneck is linear (hatched)",
                WIDTH / 2.0, HEIGHT - 14, Align.CENTER);
    }

    // ------------------------------------------------------------------ V3 Figure 4

    private static void squeezeExcite(Graphics2D g, Palette p, PaperFigure.SqueezeExcite e) {
        int c = e.channels();
        double baseY = 320;
        double face = 90;
        double depth = 70;
        double dx = depth * 0.75;
        double dy = depth * 0.4;
        double fw = face * 0.35;
        // main path: the depthwise output, the multiply, the gated map
        double leftX = 60;
        cuboid(g, p, leftX, baseY - face, fw, face, dx, dy, WIDE, false);
        double rightX = WIDTH - 60 - fw - dx;
        cuboid(g, p, rightX, baseY - face, fw, face, dx, dy, WIDE, false);
        g.setFont(new Font(FONT, Font.BOLD, 18));
        g.setColor(p.ink());
        String mapText = e.map() + "×" + e.map() + "×" + c;
        text(g, mapText, leftX + (fw + dx) / 2, baseY + 24, Align.CENTER);
        text(g, mapText, rightX + (fw + dx) / 2, baseY + 24, Align.CENTER);
        g.setFont(new Font(FONT, Font.PLAIN, 17));
        g.setColor(p.muted());
        text(g, "depthwise output", leftX + (fw + dx) / 2, baseY + 46, Align.CENTER);
        text(g, "to the projection", rightX + (fw + dx) / 2, baseY + 46, Align.CENTER);
        double mainY = baseY - face / 2;
        double mulX = WIDTH - 200;
        arrow(g, leftX + fw + dx + 8, mainY, mulX - 16, mainY, p.ink());
        arrow(g, mulX + 16, mainY, rightX - 8, mainY, p.ink());
        g.setColor(p.paper());
        g.fill(new Ellipse2D.Double(mulX - 14, mainY - 14, 28, 28));
        g.setColor(p.ink());
        g.setStroke(new BasicStroke(2f));
        g.draw(new Ellipse2D.Double(mulX - 14, mainY - 14, 28, 28));
        g.setFont(new Font(FONT, Font.BOLD, 20));
        text(g, "×", mulX, mainY + 7, Align.CENTER);
        g.setFont(new Font(FONT, Font.PLAIN, 17));
        text(g, "scale each channel", mulX - 20, mainY + 36, Align.RIGHT);

        // the branch: pool -> 1x1xC -> FC ReLU -> 1x1xS -> FC hard-sigmoid -> 1x1xC
        double branchY = 150;
        double[] xs = {290, 490, 690};
        int[] ch = {c, e.squeeze(), c};
        String[] under = {"1×1×" + c, "1×1×" + e.squeeze(), "1×1×" + c};
        double maxBar = 100;
        for (int k = 0; k < 3; k++) {
            double h = 14 + maxBar * Math.sqrt(ch[k] / (double) Math.max(c, e.squeeze()));
            Rectangle2D bar = new Rectangle2D.Double(xs[k] - 9, branchY - h / 2, 18, h);
            g.setColor(k == 1 ? SE : WIDE);
            g.fill(bar);
            g.setColor(p.ink());
            g.setStroke(new BasicStroke(1.2f));
            g.draw(bar);
            g.setFont(new Font(FONT, Font.BOLD, 18));
            text(g, under[k], xs[k], branchY + maxBar / 2 + 34, Align.CENTER);
        }
        g.setFont(new Font(FONT, Font.PLAIN, 17));
        double startX = leftX + (fw + dx) / 2;
        Path2D up = new Path2D.Double();
        up.moveTo(startX, baseY - face - dy - 4);
        up.lineTo(startX, branchY);
        up.lineTo(xs[0] - 16, branchY);
        g.setStroke(new BasicStroke(2f));
        g.setColor(p.ink());
        g.draw(up);
        arrowHead(g, xs[0] - 16, branchY, 0);
        text(g, "global pool", (startX + xs[0]) / 2 + 10, branchY - 12, Align.CENTER, xs[0] - startX - 30);
        arrow(g, xs[0] + 14, branchY, xs[1] - 14, branchY, p.ink());
        text(g, "1×1 conv", (xs[0] + xs[1]) / 2, branchY - 12, Align.CENTER, xs[1] - xs[0] - 36);
        arrow(g, xs[1] + 14, branchY, xs[2] - 14, branchY, p.ink());
        text(g, "1×1 conv", (xs[1] + xs[2]) / 2, branchY - 12, Align.CENTER, xs[2] - xs[1] - 36);
        g.setColor(p.muted());
        text(g, "ReLU", (xs[0] + xs[1]) / 2, branchY + 24, Align.CENTER, xs[1] - xs[0] - 36);
        text(g, "hard-sigmoid", (xs[1] + xs[2]) / 2, branchY + 24, Align.CENTER, xs[2] - xs[1] - 36);
        g.setColor(p.ink());
        Path2D down = new Path2D.Double();
        down.moveTo(xs[2] + 14, branchY);
        down.lineTo(mulX, branchY);
        down.lineTo(mulX, mainY - 18);
        g.draw(down);
        arrowHead(g, mulX, mainY - 18, Math.PI / 2);
        text(g, "gate in [0, 1]", mulX - 20, mainY - 12, Align.RIGHT);
        g.setColor(p.muted());
        long mapValues = (long) e.map() * e.map() * c;
        text(g, c + " → " + e.squeeze() + " → " + c + " channels on 1×1: " + count(2L * c * e.squeeze())
                + " MACs; " + count(mapValues) + " multiplies + " + count(mapValues) + " pooling adds", WIDTH / 2.0,
                64, Align.CENTER);
    }

    // ------------------------------------------------------------------ primitives

    private enum Align { LEFT, CENTER, RIGHT }

    private static void text(Graphics2D g, String s, double x, double y, Align a) {
        text(g, s, x, y, a, WIDTH - 24);
    }

    /** Draws {@code s} with its baseline at {@code y}, shrinking the font until it fits {@code maxWidth}. */
    private static void text(Graphics2D g, String s, double x, double y, Align a, double maxWidth) {
        Font original = g.getFont();
        FontMetrics fm = g.getFontMetrics();
        double w = fm.stringWidth(s);
        while (w > maxWidth && g.getFont().getSize2D() > 9) {
            g.setFont(g.getFont().deriveFont(g.getFont().getSize2D() - 1f));
            w = g.getFontMetrics().stringWidth(s);
        }
        double left = switch (a) {
            case LEFT -> x;
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
        };
        g.drawString(s, (float) left, (float) y);
        g.setFont(original);
    }

    /** A box seen at an angle: front face {@code w x h} at (x, y), receding by (dx, -dy). */
    private static void cuboid(Graphics2D g, Palette p, double x, double y, double w, double h, double dx, double dy,
            Color c, boolean hatched) {
        Path2D top = new Path2D.Double();
        top.moveTo(x, y);
        top.lineTo(x + dx, y - dy);
        top.lineTo(x + w + dx, y - dy);
        top.lineTo(x + w, y);
        top.closePath();
        Path2D side = new Path2D.Double();
        side.moveTo(x + w, y);
        side.lineTo(x + w + dx, y - dy);
        side.lineTo(x + w + dx, y + h - dy);
        side.lineTo(x + w, y + h);
        side.closePath();
        Rectangle2D front = new Rectangle2D.Double(x, y, w, h);
        Stroke old = g.getStroke();
        g.setStroke(new BasicStroke(1.3f));
        g.setColor(c.brighter());
        g.fill(top);
        g.setColor(c.darker());
        g.fill(side);
        g.setColor(c);
        g.fill(front);
        if (hatched) {
            g.setColor(new Color(0, 0, 0, 110));
            java.awt.Shape clip = g.getClip();
            g.clip(side);
            for (double k = 0; k < dx + h + dy; k += 7) {
                g.draw(new Line2D.Double(x + w + k, y + h, x + w + k - h - dy, y - dy));
            }
            g.setClip(clip);
        }
        g.setColor(p.ink());
        g.draw(top);
        g.draw(side);
        g.draw(front);
        g.setStroke(old);
    }

    private static void arrow(Graphics2D g, double x1, double y1, double x2, double y2, Color c) {
        g.setColor(c);
        g.setStroke(new BasicStroke(2f));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
        arrowHead(g, x2, y2, Math.atan2(y2 - y1, x2 - x1));
    }

    private static void arrowHead(Graphics2D g, double x, double y, double angle) {
        Path2D head = new Path2D.Double();
        head.moveTo(x, y);
        head.lineTo(x - 10 * Math.cos(angle - 0.4), y - 10 * Math.sin(angle - 0.4));
        head.lineTo(x - 10 * Math.cos(angle + 0.4), y - 10 * Math.sin(angle + 0.4));
        head.closePath();
        g.fill(head);
    }

    /** Channel depth on screen: grows with the channels, sub-linearly, up to about 90 units. */
    private static double depthOf(int channels, int max) {
        return 10 + 60 * Math.min(1.0, Math.sqrt(channels / (double) max));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String fmt(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v))
                : String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
    }
}
