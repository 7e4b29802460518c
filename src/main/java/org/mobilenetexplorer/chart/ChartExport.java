package org.mobilenetexplorer.chart;

import org.mobilenetexplorer.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;
import org.mobilenetexplorer.tradeoff.MeasuredLatency;
import org.mobilenetexplorer.tradeoff.TradeoffFormat;
import org.mobilenetexplorer.tradeoff.TradeoffPoint;

/**
 * Writes a chart as PNG, SVG or PDF, or its plotted data as CSV or JSON with provenance columns. Every file is
 * written atomically (temporary file in the same directory, then an atomic move).
 */
public final class ChartExport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ChartExport() {
    }

    /** Writes {@code chart} to {@code file} in the format of its extension. */
    public static void write(JFreeChart chart, Path file, int width, int height, double scale) throws IOException {
        ExportFormat format = ExportFormat.of(file);
        checkSize(format, width, height, scale, availableHeapBytes());
        switch (format) {
            case PNG -> png(chart, file, width, height, scale);
            case SVG -> svg(chart, file, width, height);
            case PDF -> pdf(chart, file, width, height);
            case CSV -> AtomicFiles.write(file, csv(chart).getBytes(StandardCharsets.UTF_8));
            case JSON -> AtomicFiles.write(file, json(chart).getBytes(StandardCharsets.UTF_8));
        }
    }

    public static final int MIN_WIDTH = 200;
    public static final int MIN_HEIGHT = 150;
    public static final int MAX_SIDE = 10_000;
    public static final double MIN_SCALE = 0.5;
    public static final double MAX_SCALE = 4;
    /** Memory for drawing and encoding a PNG on top of its pixels (4 bytes each). */
    public static final long PNG_OVERHEAD_BYTES = 64L << 20;

    /**
     * The size limits of every export, in one place (the command line checks them before any work): width
     * {@value #MIN_WIDTH}..{@value #MAX_SIDE}, height {@value #MIN_HEIGHT}..{@value #MAX_SIDE} points, scale
     * {@value #MIN_SCALE}..{@value #MAX_SCALE}, and a PNG's pixels (4 bytes each, plus {@link #PNG_OVERHEAD_BYTES})
     * must fit in {@code availableBytes}: 10000 x 10000 at scale 4 would need 6.4 GB. The message names the options
     * and their values.
     */
    public static void checkSize(ExportFormat format, int width, int height, double scale, long availableBytes) {
        if (width < MIN_WIDTH || width > MAX_SIDE) {
            throw new IllegalArgumentException("--width " + width + ": must be in " + MIN_WIDTH + ".." + MAX_SIDE);
        }
        if (height < MIN_HEIGHT || height > MAX_SIDE) {
            throw new IllegalArgumentException("--height " + height + ": must be in " + MIN_HEIGHT + ".." + MAX_SIDE);
        }
        if (!(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException("--scale " + scale + ": must be in " + MIN_SCALE + ".." + MAX_SCALE);
        }
        if (format == ExportFormat.PNG) {
            long need = pngBytes(width, height, scale);
            if (need > availableBytes) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "--width %d --height %d --scale %s: a %dx%d PNG needs %.1f GB of memory, %.1f GB available: "
                                + "use a smaller --width, --height or --scale (or .svg or .pdf)", width, height, scale,
                        Math.round(width * scale), Math.round(height * scale), need / 1e9, availableBytes / 1e9));
            }
        }
    }

    /** The memory a PNG of {@code width x height} points at {@code scale} needs: 4 bytes a pixel plus drawing. */
    public static long pngBytes(int width, int height, double scale) {
        return 4L * Math.round(width * scale) * Math.round(height * scale) + PNG_OVERHEAD_BYTES;
    }

    /** The heap this JVM can still allocate (its maximum minus what is in use). */
    public static long availableHeapBytes() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /**
     * PNG of {@code width x height} points drawn at {@code scale} (2 for HiDPI): the image is
     * {@code round(width*scale) x round(height*scale)} pixels with the layout of the unscaled size.
     */
    public static void png(JFreeChart chart, Path file, int width, int height, double scale) throws IOException {
        BufferedImage img = image(chart, width, height, scale);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** The chart rendered into an image (used by PNG export and tests). */
    public static BufferedImage image(JFreeChart chart, int width, int height, double scale) {
        int w = (int) Math.round(width * scale);
        int h = (int) Math.round(height * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return img;
    }

    /** The SVG document text. */
    public static String svgText(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGDocument();
    }

    public static void svg(JFreeChart chart, Path file, int width, int height) throws IOException {
        AtomicFiles.write(file, svgText(chart, width, height).getBytes(StandardCharsets.UTF_8));
    }

    /** One-page PDF of {@code width x height} points. */
    public static byte[] pdfBytes(JFreeChart chart, int width, int height) {
        PDFDocument pdf = new PDFDocument();
        pdf.setTitle(chart.getTitle() == null ? "MobileNet Explorer chart" : chart.getTitle().getText());
        pdf.setAuthor("MobileNet Explorer");
        Page page = pdf.createPage(new Rectangle2D.Double(0, 0, width, height));
        PDFGraphics2D g2 = page.getGraphics2D();
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return pdf.getPDFBytes();
    }

    public static void pdf(JFreeChart chart, Path file, int width, int height) throws IOException {
        AtomicFiles.write(file, pdfBytes(chart, width, height));
    }

    // ------------------------------------------------------------------ plotted data

    /** The CSV columns of plotted XY data. */
    public static final List<String> XY_COLUMNS = List.of("series", "role", "label", "alpha", "resolution", "x", "y",
            "estimated", "extrapolated", "pareto", "accuracySource", "backend", "resultFile", "provenance");

    /** The CSV columns of plotted category data. */
    public static final List<String> CATEGORY_COLUMNS = List.of("axis", "series", "category", "value",
            "provenance");

    /** The plotted data as rows (ordered maps), for CSV and JSON. */
    public static List<Map<String, Object>> rows(JFreeChart chart) {
        List<Map<String, Object>> out = new ArrayList<>();
        String provenance = String.join(" | ", provenance(chart));
        Plot plot = chart.getPlot();
        if (plot instanceof XYPlot xy) {
            for (int d = 0; d < xy.getDatasetCount(); d++) {
                XYDataset ds = xy.getDataset(d);
                if (ds == null) {
                    continue;
                }
                for (int s = 0; s < ds.getSeriesCount(); s++) {
                    for (int i = 0; i < ds.getItemCount(s); i++) {
                        out.add(xyRow(ds, s, i));
                    }
                }
            }
        } else if (plot instanceof CombinedDomainCategoryPlot comb) {
            for (Object p : comb.getSubplots()) {
                addCategoryRows(out, (CategoryPlot) p, provenance);
            }
        } else if (plot instanceof CategoryPlot cp) {
            addCategoryRows(out, cp, provenance);
        }
        return out;
    }

    private static Map<String, Object> xyRow(XYDataset ds, int s, int i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series", String.valueOf(ds.getSeriesKey(s)));
        if (ds instanceof TradeoffDataset td) {
            PlotPoint p = td.point(s, i);
            TradeoffPoint tp = p.point();
            MeasuredLatency l = tp == null ? null : tp.latency();
            m.put("role", p.role().name().toLowerCase(java.util.Locale.ROOT));
            m.put("label", p.label());
            m.put("alpha", tp == null ? null : tp.config().alpha());
            m.put("resolution", tp == null ? null : tp.config().resolution());
            m.put("x", p.x());
            m.put("y", p.y());
            m.put("estimated", p.estimated());
            m.put("extrapolated", p.extrapolated());
            m.put("pareto", tp != null && tp.pareto());
            m.put("accuracySource", p.sourceId());
            m.put("backend", l == null ? null : l.backend());
            m.put("resultFile", l == null ? null : l.resultFile());
            m.put("provenance", p.provenance());
        } else {
            m.put("x", ds.getXValue(s, i));
            m.put("y", ds.getYValue(s, i));
        }
        return m;
    }

    private static void addCategoryRows(List<Map<String, Object>> out, CategoryPlot p, String provenance) {
        CategoryDataset ds = p.getDataset();
        String axis = p.getRangeAxis() == null ? "" : p.getRangeAxis().getLabel();
        for (int r = 0; r < ds.getRowCount(); r++) {
            for (int c = 0; c < ds.getColumnCount(); c++) {
                Number v = ds.getValue(r, c);
                if (v == null) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("series", String.valueOf(ds.getRowKey(r)));
                m.put("category", String.valueOf(ds.getColumnKey(c)));
                m.put("value", v.doubleValue());
                m.put("axis", axis);
                m.put("provenance", provenance);
                out.add(m);
            }
        }
    }

    /** The chart's provenance subtitles, top to bottom (they are added bottom-up). */
    public static List<String> provenance(JFreeChart chart) {
        List<String> out = new ArrayList<>();
        for (int i = chart.getSubtitleCount() - 1; i >= 0; i--) {
            Title t = chart.getSubtitle(i);
            if (t instanceof TextTitle tt) {
                out.add(tt.getText());
            }
        }
        return out;
    }

    /** CSV of the plotted data (header row; RFC 4180 quoting). */
    public static String csv(JFreeChart chart) {
        List<Map<String, Object>> rows = rows(chart);
        List<String> cols = chart.getPlot() instanceof XYPlot ? XY_COLUMNS : CATEGORY_COLUMNS;
        StringBuilder sb = new StringBuilder(String.join(",", cols)).append('\n');
        for (Map<String, Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : cols) {
                cells.add(TradeoffFormat.csvCell(r.get(c)));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    /** JSON of the plotted data: title, provenance, axis titles and points. */
    public static String json(JFreeChart chart) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", chart.getTitle() == null ? null : chart.getTitle().getText());
        root.put("provenance", provenance(chart));
        if (chart.getPlot() instanceof XYPlot xy) {
            root.put("xAxis", xy.getDomainAxis().getLabel());
            root.put("yAxis", xy.getRangeAxis().getLabel());
        }
        root.put("points", rows(chart));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
