package org.mobilenetexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.accuracy.AccuracyCatalog;
import org.mobilenetexplorer.accuracy.AccuracyEstimator;
import org.mobilenetexplorer.accuracy.AccuracyMetric;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.preset.PresetEntry;
import org.mobilenetexplorer.preset.Presets;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.tradeoff.Candidate;
import org.mobilenetexplorer.tradeoff.CostAxis;
import org.mobilenetexplorer.tradeoff.IsoCost;
import org.mobilenetexplorer.tradeoff.LatencyTable;
import org.mobilenetexplorer.tradeoff.TradeoffAnalysis;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartExportTest {
    private static final AccuracyEstimator SLIM = new AccuracyEstimator(
            AccuracyCatalog.bundled().source("tf-slim-2018"), AccuracyMetric.TOP1);

    /** 12 published grid points plus 3 estimated ones (0.6-224 interpolated, 0.6-200 and 0.125-128). */
    private static TradeoffAnalysis mixed() {
        List<Candidate> c = new ArrayList<>(IsoCost.grid(MobileNetConfig.DEFAULT, List.of(1.0, 0.75, 0.5),
                List.of(224, 192, 160, 128)));
        c.add(new Candidate(new MobileNetConfig(0.6, 224)));
        c.add(new Candidate(new MobileNetConfig(0.6, 200)));
        c.add(new Candidate(new MobileNetConfig(0.125, 128)));
        return TradeoffAnalysis.of(c, SLIM, LatencyTable.empty(null, "no results"), CostAxis.MACS);
    }

    private static JFreeChart chart() {
        return TradeoffCharts.accuracyVsCost(mixed(), ChartOptions.defaults());
    }

    @Test
    void datasetMapsItemsBackToConfigurationsAndProvenance() {
        JFreeChart chart = TradeoffCharts.accuracyVsCost(mixed(), ChartOptions.defaults()
                .withComparisonModels(AccuracyCatalog.bundled().comparisonModels()));
        XYPlot plot = (XYPlot) chart.getPlot();
        TradeoffDataset d = (TradeoffDataset) plot.getDataset(0);
        assertEquals(2, d.getSeriesCount());
        assertEquals(15, d.getItemCount(0));
        PlotPoint p = d.point(0, 12);
        assertEquals(new MobileNetConfig(0.6, 224), p.point().config());
        assertTrue(p.estimated());
        assertEquals("0.6-224 est.", p.displayLabel());
        String tip = new PlotPointToolTips().generateToolTip(d, 0, 12);
        assertTrue(tip.contains("quadratic surface") && tip.contains("LOO MAE 0.18"), tip);
        assertEquals("GoogleNet", d.point(1, 0).label());
        assertTrue(d.point(1, 0).provenance().contains("Table8"), d.point(1, 0).provenance());
        TradeoffDataset front = (TradeoffDataset) plot.getDataset(1);
        assertTrue(front.getSeriesKey(0).toString().startsWith("Pareto front"));
        assertTrue(front.getItemCount(0) > 3);
        assertTrue(String.valueOf(d.getSeriesKey(0)).contains("tf-slim-2018"));
    }

    /** The teaching demo as the CLI and the GUI chart it: 1.0-224 twice (1000 and 1001 classes), 0.125-128 keras. */
    private static JFreeChart teachingDemo() {
        List<Candidate> c = new ArrayList<>();
        for (PresetEntry e : Presets.bundled("teaching-demo.json").configs()) {
            c.add(new Candidate(e.config()));
        }
        return TradeoffCharts.accuracyVsCost(TradeoffAnalysis.of(c, SLIM,
                LatencyTable.empty(null, "no results"), CostAxis.MACS), ChartOptions.defaults());
    }

    @Test
    void labelsAreUniqueInTheChartAndItsCsv() {
        JFreeChart chart = teachingDemo();
        TradeoffDataset d = (TradeoffDataset) ((XYPlot) chart.getPlot()).getDataset(0);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < d.getItemCount(0); i++) {
            labels.add(d.point(0, i).displayLabel());
        }
        assertEquals(labels.size(), labels.stream().distinct().count(), labels.toString());
        assertTrue(labels.contains("1.0-224 1000cls") && labels.contains("1.0-224 1001cls"), labels.toString());
        List<String> csvLabels = ChartExport.rows(chart).stream().filter(r -> "configuration".equals(
                String.valueOf(r.get("role")).toLowerCase(java.util.Locale.ROOT)))
                .map(r -> String.valueOf(r.get("label"))).toList();
        assertEquals(csvLabels.size(), csvLabels.stream().distinct().count(), csvLabels.toString());
    }

    @Test
    void everyPointLabelLiesInsideThePlotAtEveryExportSize() {
        for (int[] size : new int[][] {{640, 400}, {800, 500}, {1000, 700}, {1600, 1000}}) {
            JFreeChart chart = teachingDemo();
            ChartExport.image(chart, size[0], size[1], 1.0);
            assertLabelsInside(chart, size);
            chart = teachingDemo();
            ChartExport.svgText(chart, size[0], size[1]);
            assertLabelsInside(chart, size);
            chart = teachingDemo();
            ChartExport.pdfBytes(chart, size[0], size[1]);
            assertLabelsInside(chart, size);
        }
    }

    private static void assertLabelsInside(JFreeChart chart, int[] size) {
        TradeoffCharts.PointRenderer r = (TradeoffCharts.PointRenderer) ((XYPlot) chart.getPlot()).getRenderer();
        TradeoffDataset d = (TradeoffDataset) ((XYPlot) chart.getPlot()).getDataset(0);
        assertEquals(d.getItemCount(0), r.labelBoxes().keySet().stream().filter(k -> k.startsWith("0:")).count());
        java.awt.geom.Rectangle2D image = new java.awt.geom.Rectangle2D.Double(0, 0, size[0], size[1]);
        for (var e : r.labelBoxes().entrySet()) {
            String label = d.point(0, Integer.parseInt(e.getKey().substring(2))).displayLabel();
            assertTrue(image.contains(e.getValue()), label + " " + e.getValue() + " outside the image " + size[0]
                    + "x" + size[1]);
            assertTrue(r.dataArea().contains(e.getValue()), label + " " + e.getValue() + " outside the plot "
                    + r.dataArea() + " at " + size[0] + "x" + size[1]);
        }
    }

    @Test
    void tooltipsWrapToShortLines() {
        JFreeChart chart = teachingDemo();
        TradeoffDataset d = (TradeoffDataset) ((XYPlot) chart.getPlot()).getDataset(0);
        for (int i = 0; i < d.getItemCount(0); i++) {
            String tip = PlotPointToolTips.text(d.point(0, i));
            assertTrue(tip.lines().count() >= 2, tip);
            assertTrue(tip.lines().allMatch(l -> l.length() <= PlotPointToolTips.WIDTH || !l.contains(" ")), tip);
            assertTrue(tip.replace('\n', ' ').contains(d.point(0, i).provenance()), tip);
        }
        assertEquals("aaa bbb\nccc", PlotPointToolTips.wrap("aaa bbb ccc", 7));
        assertEquals("a\nverylongword\nb", PlotPointToolTips.wrap("a verylongword b", 5));
    }

    @Test
    void pngDecodesAtTheRequestedSize(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("fig.png");
        ChartExport.write(chart(), f, 640, 400, 2.0);
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(1280, img.getWidth());
        assertEquals(800, img.getHeight());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count()); // no temporary file left behind
        }
    }

    @Test
    void svgIsXmlWithOneMarkerPerPointAndHollowEstimates(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("fig.svg");
        ChartExport.write(chart(), f, 1000, 700, 1);
        String svg = Files.readString(f);
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = dbf.newDocumentBuilder().parse(f.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        // the clip of the whole chart (legend items are drawn under it); data markers are clipped to the plot area
        String chartClip = null;
        NodeList clips = doc.getElementsByTagName("clipPath");
        for (int i = 0; i < clips.getLength(); i++) {
            Element c = (Element) clips.item(i);
            Element path = (Element) c.getElementsByTagName("path").item(0);
            if (path.getAttribute("d").startsWith("M0.0,0.0L1000.0,0.0")) {
                chartClip = c.getAttribute("id");
            }
        }
        int outlines = 0;
        int fills = 0;
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            String style = g.getAttribute("style");
            if (g.getAttribute("clip-path").contains("#" + chartClip + ")")) {
                continue;
            }
            if (style.contains("stroke:rgb(0,114,178)") && style.contains("stroke-width:2.0")) {
                outlines++;
            }
            if (style.contains("fill:rgb(0,114,178)")) {
                fills++;
            }
        }
        assertEquals(15, outlines, "every point has an outlined marker");
        assertEquals(12, fills, "only the 12 published points are filled; the 3 estimates are hollow");
        assertTrue(svg.contains("0.6-200 est."));
        assertTrue(svg.contains("Mult-adds (million MACs), log scale"));
    }

    @Test
    void pdfHasHeaderTrailerAndOnePage(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("fig.pdf");
        ChartExport.write(chart(), f, 800, 500, 1);
        byte[] b = Files.readAllBytes(f);
        String text = new String(b, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-1."), text.substring(0, 8));
        assertTrue(text.stripTrailing().endsWith("%%EOF"));
        assertTrue(text.contains("trailer") && text.contains("startxref"));
        Matcher m = Pattern.compile("/Type /Page\\b(?!s)").matcher(text);
        int pages = 0;
        while (m.find()) {
            pages++;
        }
        assertEquals(1, pages);
        assertTrue(text.contains("/Count 1"));
    }

    @Test
    void csvRoundTripsThePlottedPointsWithProvenance(@TempDir Path dir) throws Exception {
        JFreeChart chart = chart();
        Path f = dir.resolve("fig.csv");
        ChartExport.write(chart, f, 800, 500, 1);
        CsvMapper mapper = new CsvMapper();
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(new StringReader(Files.readString(f)))) {
            rows = it.readAll();
        }
        XYPlot plot = (XYPlot) chart.getPlot();
        List<PlotPoint> expected = new ArrayList<>(((TradeoffDataset) plot.getDataset(0)).allPoints());
        expected.addAll(((TradeoffDataset) plot.getDataset(1)).allPoints());
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i);
            PlotPoint p = expected.get(i);
            assertEquals(p.label(), r.get("label"));
            assertEquals(p.x(), Double.parseDouble(r.get("x")), Math.abs(p.x()) * 1e-5);
            assertEquals(p.y(), Double.parseDouble(r.get("y")), 1e-4);
            assertEquals(String.valueOf(p.estimated()), r.get("estimated"));
            assertEquals("tf-slim-2018", r.get("accuracySource"));
            assertEquals(p.provenance(), r.get("provenance"));
        }
        assertEquals(ChartExport.XY_COLUMNS, List.copyOf(rows.get(0).keySet()));
    }

    @Test
    void jsonCarriesPointsAndProvenance(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("fig.json");
        ChartExport.write(chart(), f, 800, 500, 1);
        JsonNode root = new ObjectMapper().readTree(f.toFile());
        assertTrue(root.get("provenance").get(0).asText().startsWith("Accuracy: TF-Slim 2018"));
        JsonNode first = root.get("points").get(0);
        assertEquals(1.0, first.get("alpha").asDouble());
        assertEquals(224, first.get("resolution").asInt());
        assertFalse(first.get("estimated").asBoolean());
        assertTrue(root.get("xAxis").asText().contains("log scale"));
    }

    @Test
    void layerAndShareChartsRenderAndExport(@TempDir Path dir) throws Exception {
        NetworkStats stats = NetworkStats.of(new MobileNetConfig(0.5, 160));
        JFreeChart layers = TradeoffCharts.layers(stats, null);
        String csv = ChartExport.csv(layers);
        // 30 layers x (MACs, params)
        assertEquals(1 + 60, csv.lines().count());
        JFreeChart shares = TradeoffCharts.shares(stats, null);
        ChartExport.write(shares, dir.resolve("s.png"), 800, 500, 1);
        assertEquals(800, ImageIO.read(dir.resolve("s.png").toFile()).getWidth());
        assertTrue(ChartExport.csv(shares).contains("Conv dw"));
    }

    @Test
    void measuredLayerTimesJoinByLayerName() {
        NetworkStats stats = NetworkStats.of(new MobileNetConfig(0.5, 160));
        List<org.mobilenetexplorer.bench.LayerProfile> prof = new ArrayList<>();
        for (var l : stats.layers()) { // 0.1 ms per layer, 0.5 ms for every pointwise layer
            double ms = l.kind() == org.mobilenetexplorer.model.LayerKind.POINTWISE ? 0.5 : 0.1;
            prof.add(new org.mobilenetexplorer.bench.LayerProfile(l.name(), l.kind(), ms, l.macs(), 0, 0, 0));
        }
        var measured = new org.mobilenetexplorer.tradeoff.MeasuredLatency(9.0, "fake", "Fake 1.0", "Test CPU",
                "r.json", true, prof);
        String csv = ChartExport.csv(TradeoffCharts.layers(stats, measured));
        assertEquals(1 + 90, csv.lines().count()); // 30 layers x (MACs, params, time)
        assertTrue(csv.contains("\"Time (ms, median)\",Time,2 pw,0.5,"), csv);
        assertTrue(ChartExport.provenance(TradeoffCharts.layers(stats, measured)).get(1)
                .contains("latency on Test CPU (r.json)"));
        // shares: 13 pointwise x 0.5 of (13 x 0.5 + 17 x 0.1) ms
        String shares = ChartExport.csv(TradeoffCharts.shares(stats, measured));
        double expected = 13 * 0.5 / (13 * 0.5 + 17 * 0.1) * 100;
        Matcher m = Pattern.compile("\"Time \\(Fake 1\\.0, measured\\)\",Conv 1x1,([0-9.]+),").matcher(shares);
        assertTrue(m.find(), shares);
        assertEquals(expected, Double.parseDouble(m.group(1)), 1e-3);
    }

    @Test
    void phoneReferenceIsLabelledAsPublished() {
        PhoneReference ref = PhoneReference.select(PublishedData.bundled(), "Pixel 3, TFLite CPU", false, SLIM);
        assertEquals(16, ref.points().size());
        assertTrue(ref.label().startsWith("Published: Pixel 3, TFLite CPU"), ref.label());
        assertTrue(ref.label().contains("not measured here"));
    }

    @Test
    void badSizesAndExtensionsAreRejectedWithTheValue(@TempDir Path dir) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ChartExport.write(chart(), dir.resolve("x.gif"), 800, 500, 1));
        assertTrue(e.getMessage().contains("x.gif") && e.getMessage().contains(".gif"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ChartExport.write(chart(), dir.resolve("x.png"), 50, 500, 1));
        assertTrue(e.getMessage().startsWith("--width 50"), e.getMessage());
    }
}
