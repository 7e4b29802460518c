package org.mobilenetexplorer.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mobilenetexplorer.model.BlockSpec;
import org.mobilenetexplorer.model.CostModel;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.KindShare;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.LayerStats;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.Shape;
import org.mobilenetexplorer.model.ToolVersion;
import org.mobilenetexplorer.model.Totals;
import org.mobilenetexplorer.published.KnownMisprint;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.published.PublishedFigure;
import org.mobilenetexplorer.published.Verdict;

/**
 * The JSON view later tools read: {@code {"config": {...}, "layers": [...], "totals": {...}, "byKind": [...],
 * "published": [...], "publishedNotes": [...], "convention": "..."}}, counts as exact integers. A published row
 * carries its table, ours rounded to its printed precision and a verdict per printed figure ({@code match},
 * {@code truncated}, {@code misprint}, {@code other convention}); its notes name entries of {@code publishedNotes}
 * (the recorded arithmetic and explanation).
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The analysis of one configuration as pretty-printed JSON. */
    public static String render(NetworkStats stats, PublishedData published) {
        return write(tree(stats, published));
    }

    /** The analysis of one configuration as a JSON tree. */
    public static ObjectNode tree(NetworkStats stats, PublishedData published) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", "MobileNet Explorer " + ToolVersion.get());
        root.set("config", config(stats.config()));
        ArrayNode layers = root.putArray("layers");
        for (LayerStats s : stats.layers()) {
            LayerSpec l = s.layer();
            ObjectNode n = layers.addObject();
            n.put("index", l.index());
            n.put("name", l.name());
            n.put("kind", l.kind().name());
            n.put("kernel", l.kernel());
            n.put("stride", l.stride());
            n.put("block", l.block());
            n.set("input", shape(l.input()));
            n.set("output", shape(l.output()));
            n.put("macs", s.macs());
            n.put("params", s.params());
            n.put("bnParams", s.bnParams());
            n.put("outputElements", s.outputElements());
            n.put("outputBytes", s.outputBytes());
            // added with the families (every family): the graph and what follows each layer
            ArrayNode inputs = n.putArray("inputs");
            l.inputs().forEach(inputs::add);
            n.put("activation", l.activation().id());
            n.put("batchNorm", l.hasBatchNorm());
            n.put("bias", l.hasBias());
            n.put("elementwiseOps", s.elementwiseOps());
        }
        root.set("totals", totals(stats));
        ArrayNode kinds = root.putArray("byKind");
        for (KindShare k : stats.byKind().values()) {
            ObjectNode n = kinds.addObject();
            n.put("kind", k.kind().name());
            n.put("name", KindNames.table2(k.kind(), stats));
            n.put("layers", k.layers());
            n.put("macs", k.macs());
            n.put("params", k.params());
            n.put("macShare", k.macShare());
            n.put("paramShare", k.paramShare());
            n.put("elementwiseOps", k.elementwiseOps());
        }
        ArrayNode blocks = root.putArray("blocks");
        for (BlockSpec b : stats.spec().blocks()) {
            ObjectNode n = blocks.addObject();
            n.put("number", b.number());
            n.put("name", b.name());
            n.put("firstLayer", b.firstLayer());
            n.put("lastLayer", b.lastLayer());
            n.put("inputChannels", b.inputChannels());
            n.put("expandedChannels", b.expandedChannels());
            n.put("squeezeChannels", b.squeezeChannels());
            n.put("outputChannels", b.outputChannels());
            n.put("kernel", b.op().kernel());
            n.put("stride", b.op().stride());
            n.put("residual", b.residual());
        }
        ArrayNode pub = root.putArray("published");
        Map<String, KnownMisprint> notes = new LinkedHashMap<>();
        for (PublishedComparison c : PublishedComparison.of(stats, published)) {
            PublishedFigure f = c.figure();
            ObjectNode n = pub.addObject();
            n.put("source", f.sourceId());
            n.put("sourceName", c.sourceName());
            n.put("citation", f.sourceText());
            n.put("table", f.tableLabel());
            n.put("model", f.model());
            putNullable(n, "top1", f.top1());
            putNullable(n, "millionMacs", f.millionMacs());
            n.put("ourMillionMacs", c.ourMacs());
            n.put("macsVerdict", c.macsVerdict().map(Verdict::words).orElse(null));
            putNullable(n, "millionParams", f.millionParams());
            n.put("ourMillionParams", c.ourParams());
            n.put("paramsVerdict", c.paramsVerdict().map(Verdict::words).orElse(null));
            n.put("macsDiffer", c.macsDiffer());
            n.put("paramsDiffer", c.paramsDiffer());
            c.macsNote().ifPresent(m -> {
                n.put("macsNote", m.id());
                notes.putIfAbsent(m.id(), m);
            });
            c.paramsNote().ifPresent(m -> {
                n.put("paramsNote", m.id());
                notes.putIfAbsent(m.id(), m);
            });
        }
        ArrayNode noteArray = root.putArray("publishedNotes");
        for (KnownMisprint m : notes.values()) {
            ObjectNode n = noteArray.addObject();
            n.put("id", m.id());
            n.put("where", m.where());
            n.put("type", m.type());
            n.put("verdict", m.verdict().words());
            n.put("kind", m.kind());
            n.put("printed", m.printed());
            n.put("arithmetic", m.arithmetic());
            n.put("explanation", m.explanation());
        }
        root.put("convention", CostModel.convention(stats.config().family()));
        return root;
    }

    /** One object per configuration: {@code {"configs": [{"label", "config", "totals"}], "convention"}}. */
    public static String summary(List<LabelledStats> rows) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", "MobileNet Explorer " + ToolVersion.get());
        ArrayNode arr = root.putArray("configs");
        for (LabelledStats r : rows) {
            ObjectNode n = arr.addObject();
            n.put("label", r.label());
            n.set("config", config(r.stats().config()));
            n.set("totals", totals(r.stats()));
        }
        root.put("convention", rows.stream().allMatch(r -> r.stats().config().family() == Family.V1)
                ? CostModel.CONVENTION : CostModel.CONVENTION_ALL_FAMILIES);
        return write(root);
    }

    static ObjectNode config(MobileNetConfig c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("family", c.family().id());
        n.put("minimalistic", c.minimalistic());
        n.put("alpha", c.alpha());
        n.put("resolution", c.resolution());
        n.put("rho", c.rho());
        n.put("classes", c.classes());
        n.put("rounding", c.rounding().id());
        n.put("blocks14", c.blocks14());
        n.put("standardConv", c.standardConv());
        n.put("activation", c.activation().id());
        n.put("label", c.label());
        return n;
    }

    static ObjectNode totals(NetworkStats stats) {
        Totals t = stats.totals();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("layers", t.layers());
        n.put("macs", t.macs());
        n.put("params", t.params());
        n.put("weights", t.weights());
        n.put("bnParams", t.bnParams());
        n.put("activationElements", t.activationElements());
        n.put("peakActivationBytes", t.peakActivationBytes());
        n.put("peakLayer", t.peakLayer());
        n.put("elementwiseOps", t.elementwiseOps());
        n.put("parameterBytes", t.parameterBytes());
        n.put("finalFeatureMap", stats.finalFeatureMap());
        return n;
    }

    private static ArrayNode shape(Shape s) {
        ArrayNode a = MAPPER.createArrayNode();
        a.add(s.h()).add(s.w()).add(s.c());
        return a;
    }

    private static void putNullable(ObjectNode n, String field, Double v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
