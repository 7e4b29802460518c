package org.mobilenetexplorer.ui.learn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mobilenetexplorer.chart.ExportFormat;
import org.mobilenetexplorer.chart.PaperFigure;
import org.mobilenetexplorer.chart.PaperFigures;
import org.mobilenetexplorer.io.UserFiles;
import org.mobilenetexplorer.model.ActivationFunction;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.BlockSpec;
import org.mobilenetexplorer.model.CostModel;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.LayerStats;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.OpDef;
import org.mobilenetexplorer.model.Shape;
import org.mobilenetexplorer.model.Totals;
import org.mobilenetexplorer.published.KnownMisprint;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.ui.common.BackgroundTask;
import org.mobilenetexplorer.ui.common.FileContext;
import org.mobilenetexplorer.ui.common.Formats;
import org.mobilenetexplorer.ui.common.TaskExecutor;

/**
 * The Learn view's state: the V1 paper's cost formulas for the selected block with the live numbers of the current
 * configuration; for a V2/V3 block, what its inverted residual costs (expansion, depthwise, linear projection,
 * shortcut), V2's activation memory beside V1's at the same alpha and resolution (the V2 paper's memory discussion),
 * and what squeeze-and-excite and h-swish cost in V3 (MACs and the elementwise operations MACs leave out); the
 * papers' drawings of the block ({@link PaperFigure}) and their export; the Table 3 walk-through at the current alpha
 * and rho, and the published figures our arithmetic does not reproduce. Every number is computed with
 * {@link CostModel} / {@link NetworkStats} on real layer shapes.
 */
public final class LearnViewModel {
    /** The layer of the paper's Table 3: 3x3, 512 -> 512 channels, 14x14 feature map. */
    static final int T3_KERNEL = 3;
    static final int T3_CHANNELS = 512;
    static final int T3_MAP = 14;
    static final String T3_LAYER = "Conv2d_7_depthwise";

    private final ObservableList<Integer> blocks = FXCollections.observableArrayList();
    private final IntegerProperty block = new SimpleIntegerProperty(this, "block", 1);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper symbols = new ReadOnlyStringWrapper(this, "symbols", "");
    private final ReadOnlyStringWrapper standard = new ReadOnlyStringWrapper(this, "standard", "");
    private final ReadOnlyStringWrapper separable = new ReadOnlyStringWrapper(this, "separable", "");
    private final ReadOnlyStringWrapper ratio = new ReadOnlyStringWrapper(this, "ratio", "");
    private final ReadOnlyStringWrapper ratioFormula = new ReadOnlyStringWrapper(this, "ratioFormula", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ObservableList<Table3Row> table3 = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper table3Caption = new ReadOnlyStringWrapper(this, "table3Caption", "");
    private final ObservableList<MisprintRow> misprints = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper residual = new ReadOnlyStringWrapper(this, "residual", "");
    private final ReadOnlyStringWrapper memory = new ReadOnlyStringWrapper(this, "memory", "");
    private final ReadOnlyStringWrapper squeezeExcite = new ReadOnlyStringWrapper(this, "squeezeExcite", "");
    private final ObservableList<PaperFigure> figures = FXCollections.observableArrayList();
    private final ObservableValue<NetworkStats> stats;
    private final TaskExecutor executor;
    private final FileContext files;
    /** The V1 network at the current alpha and resolution (the memory comparison), cached by configuration. */
    private NetworkStats v1Twin;
    private List<String> blockNames = List.of();

    /**
     * @param stats     the current configuration's analysis
     * @param published the reference data (the misprints table)
     * @param executor  runs figure exports off the JavaFX thread
     * @param files     dialogs, remembered folders and the status line for exports
     */
    public LearnViewModel(ObservableValue<NetworkStats> stats, PublishedData published, TaskExecutor executor,
                          FileContext files) {
        this.stats = stats;
        this.executor = executor;
        this.files = files;
        misprints.setAll(misprintsOf(published));
        stats.addListener((o, a, s) -> update());
        block.addListener(o -> update());
        update();
    }

    /** Shows the block of {@code layerName} when it belongs to one (the Explore table's selection). */
    public void selectLayer(String layerName) {
        NetworkStats s = stats.getValue();
        if (s == null || layerName == null) {
            return;
        }
        s.layers().stream().filter(l -> l.name().equals(layerName) && l.layer().block() > 0).findFirst()
                .ifPresent(l -> block.set(l.layer().block()));
    }

    private void update() {
        NetworkStats s = stats.getValue();
        if (s == null) {
            return;
        }
        List<Integer> ids = s.layers().stream().map(l -> l.layer().block()).filter(b -> b > 0).distinct().toList();
        List<String> names = s.spec().blocks().stream().map(BlockSpec::name).toList();
        if (!blocks.equals(ids) || !names.equals(blockNames)) {
            blockNames = names; // the chooser's labels (blockLabel) follow the family
            blocks.setAll(ids);
        }
        if (!ids.contains(block.get())) {
            block.set(ids.get(0));
            return; // the listener runs update again
        }
        formulas(s, block.get());
        BlockSpec spec = s.spec().block(block.get());
        invertedResidual(s, spec);
        memory(s);
        squeezeExcite(s, spec);
        figures.setAll(figuresOf(s, spec));
        table3(s.config());
    }

    private void formulas(NetworkStats s, int b) {
        List<LayerSpec> layers = s.layers().stream().map(l -> l.layer()).filter(l -> l.block() == b).toList();
        // V2/V3: the depthwise and the projection are the block's depthwise separable convolution
        LayerSpec first = layers.stream().filter(l -> l.kind() == LayerKind.DEPTHWISE).findFirst()
                .orElse(layers.get(0));
        LayerSpec last = layers.stream().filter(l -> l.kind() == LayerKind.POINTWISE && l.index() > first.index())
                .reduce((x, y) -> y).orElse(layers.get(layers.size() - 1));
        int dk = first.kernel();
        int m = first.input().c();
        int n = last.output().c();
        int df = last.output().h();
        LayerSpec conv = new LayerSpec(0, "conv", LayerKind.CONV, dk, first.stride(), first.input(),
                last.output(), b);
        LayerSpec dw = new LayerSpec(0, "dw", LayerKind.DEPTHWISE, dk, first.stride(), first.input(),
                new Shape(df, df, m), b);
        LayerSpec pw = new LayerSpec(1, "pw", LayerKind.POINTWISE, 1, 1, dw.output(), last.output(), b);
        long std = CostModel.macs(conv);
        long dwMacs = CostModel.macs(dw);
        long pwMacs = CostModel.macs(pw);
        long sep = dwMacs + pwMacs;
        BlockSpec blockSpec = s.spec().block(b);
        String names = blockSpec.op().kind() == OpDef.Kind.EXPANDED_CONV
                ? blockSpec.name() + " (" + layers.stream().map(l -> l.name().substring(l.name().lastIndexOf('/') + 1))
                        .filter(x -> !x.startsWith("AvgPool") && !x.startsWith("Conv") && !x.equals("mul"))
                        .reduce((x, y) -> x + ", " + y).orElse("") + (blockSpec.hasSqueezeExcite() ? ", squeeze-excite"
                        : "") + ")"
                : layers.stream().map(LayerSpec::name).reduce((x, y) -> x + " + " + y).orElse("");
        title.set("Block " + b + " of " + s.config().label() + ": " + names + " (stride " + first.stride() + ")");
        symbols.set("D_K = " + dk + "   M = " + m + "   N = " + n + "   D_F = " + df);
        standard.set("Standard convolution:  D_K·D_K·M·N·D_F·D_F = " + dk + "·" + dk + "·" + m + "·" + n + "·" + df
                + "·" + df + " = " + Formats.count(std));
        separable.set("Depthwise separable:  D_K·D_K·M·D_F·D_F + M·N·D_F·D_F = " + Formats.count(dwMacs) + " + "
                + Formats.count(pwMacs) + " = " + Formats.count(sep));
        ratio.set("Ratio:  " + Formats.count(sep) + " / " + Formats.count(std) + " = "
                + Formats.fixed(sep / (double) std, 5) + "  →  " + Formats.fixed(std / (double) sep, 2)
                + "× fewer multiply-adds");
        ratioFormula.set("1/N + 1/D_K² = 1/" + n + " + 1/" + (dk * dk) + " = "
                + Formats.fixed(1.0 / n + 1.0 / (dk * dk), 5));
        note.set(s.config().standardConv()
                ? "This configuration uses full 3x3 convolutions (standard-conv): the network runs the first cost."
                : blockSpec.op().kind() == OpDef.Kind.EXPANDED_CONV
                ? "In this inverted residual block the depthwise and the projection form a depthwise separable"
                + " convolution on the expanded channels (M = " + m + "): the formulas above are theirs."
                : "This configuration runs the separable cost; the standard one is what a full " + dk + "x" + dk
                + " convolution of the same shape would cost.");
    }

    // ------------------------------------------------------------------ V2: the inverted residual

    private void invertedResidual(NetworkStats s, BlockSpec b) {
        if (b.op().kind() != OpDef.Kind.EXPANDED_CONV) {
            residual.set("");
            return;
        }
        List<LayerStats> layers = layersOf(s, b);
        LayerStats dw = first(layers, LayerKind.DEPTHWISE);
        LayerStats expand = layers.get(0).kind() == LayerKind.POINTWISE ? layers.get(0) : null;
        LayerStats project = layers.stream().filter(l -> l.kind() == LayerKind.POINTWISE && l.index() > dw.index())
                .reduce((x, y) -> y).orElseThrow();
        long blockMacs = layers.stream().mapToLong(LayerStats::macs).sum();
        int m = b.inputChannels();
        int t = b.expandedChannels();
        int n = b.outputChannels();
        Shape in = dw.layer().input();
        Shape out = project.layer().output();
        StringBuilder sb = new StringBuilder();
        sb.append("Inverted residual: narrow (M = ").append(m).append(") → wide (t·M = ").append(t);
        if (expand != null) {
            sb.append(", t = ").append(Formats.fixed(t / (double) m, t % m == 0 ? 0 : 2));
        }
        sb.append(") → narrow (N = ").append(n).append("); the block costs ").append(Formats.count(blockMacs))
                .append(" MACs.\n");
        if (expand != null) {
            sb.append("Expansion, 1x1 conv M → t·M at ").append(in.h()).append('x').append(in.w()).append(": ")
                    .append(m).append("·").append(t).append("·").append(in.h()).append("·").append(in.w()).append(" = ")
                    .append(Formats.count(expand.macs())).append(" MACs (").append(share(expand.macs(), blockMacs))
                    .append(" of the block).\n");
        } else {
            sb.append("No expansion layer (t = 1): the depthwise filters the input directly.\n");
        }
        sb.append("Depthwise ").append(dw.layer().kernel()).append('x').append(dw.layer().kernel()).append(" on t·M = ")
                .append(t).append(" channels, stride ").append(dw.layer().stride()).append(": ")
                .append(Formats.count(dw.macs())).append(" MACs (").append(share(dw.macs(), blockMacs)).append(").\n");
        sb.append("Projection, 1x1 conv t·M → N at ").append(out.h()).append('x').append(out.w()).append(": ")
                .append(t).append("·").append(n).append("·").append(out.h()).append("·").append(out.w()).append(" = ")
                .append(Formats.count(project.macs())).append(" MACs (").append(share(project.macs(), blockMacs))
                .append("), linear: no activation after it.\n");
        sb.append("Why linear: the ").append(n).append("-channel bottleneck is a low-dimensional embedding of what"
                + " the wide layer computed; a ReLU there would zero every negative coordinate and lose information"
                + " the next block cannot recover (V2 paper, Section 3.2). The non-linearity ("
                + dw.layer().activation().id() + ") runs only in the wide space, where enough channels survive it.\n");
        if (b.residual()) {
            sb.append("Shortcut: the block's input (").append(in.h()).append('x').append(in.w()).append('x').append(m)
                    .append(") is added to the bottleneck: ").append(Formats.count(out.elements()))
                    .append(" elementwise adds, no MACs, no params. The shortcut joins the narrow tensors, not the wide"
                            + " ones (inverted, compared with ResNet's bottlenecks).");
        } else {
            sb.append("No shortcut: ").append(dw.layer().stride() > 1 ? "stride " + dw.layer().stride()
                    + " changes the map size." : "the channels change (" + m + " → " + n + ").");
        }
        residual.set(sb.toString());
    }

    /**
     * V2 against V1 at the same alpha and resolution: MACs, the peak activation memory of a layer-by-layer run, and
     * the largest tensor the V2 paper's memory discussion counts (Section 5.1, Table 3).
     */
    private void memory(NetworkStats s) {
        MobileNetConfig c = s.config();
        if (c.family() == Family.V1) {
            memory.set("");
            return;
        }
        NetworkStats v1 = v1Twin(c);
        Totals t = s.totals();
        Totals t1 = v1.totals();
        String me = c.label();
        String them = v1.config().label() + " (V1)";
        StringBuilder sb = new StringBuilder();
        sb.append(me).append(": ").append(Formats.millions(t.macs())).append(" MACs against ").append(them).append(": ")
                .append(Formats.millions(t1.macs())).append(" (").append(Formats.delta(t.macs(), t1.macs()))
                .append("): the tensors between blocks are narrow, and the wide ones are only filtered depthwise.\n");
        sb.append("Peak activation memory run layer by layer (every output materialized, FP32, batch 1): ")
                .append(Formats.bytes(t.peakActivationBytes())).append(" at ").append(t.peakLayer()).append(" against ")
                .append(Formats.bytes(t1.peakActivationBytes())).append(" at ").append(t1.peakLayer()).append(" (")
                .append(Formats.delta(t.peakActivationBytes(), t1.peakActivationBytes())).append(")")
                .append(t.peakActivationBytes() > t1.peakActivationBytes()
                        ? ": larger, because a block's expanded tensor (t times wider) must exist whole next to its"
                        + " input.\n" : ".\n");
        long bottleneck = largestBottleneck(s);
        long v1Largest = v1.layers().stream().mapToLong(LayerStats::outputElements).max().orElse(0);
        sb.append("The V2 paper counts memory otherwise (Section 5.1, Table 3: 16-bit values, the largest tensor to"
                + " materialize): a block's expansion, depthwise and projection can run in slices of the wide"
                + " tensor, so only the bottlenecks between blocks must exist whole. Largest bottleneck here: ")
                .append(Formats.count(bottleneck)).append(" values = ").append(kiloBytes16(bottleneck))
                .append(" at 16 bits; V1 has no such trick, its largest tensor is ").append(Formats.count(v1Largest))
                .append(" values = ").append(kiloBytes16(v1Largest)).append(" (the paper prints 400K and 1600K at"
                        + " 1.0-224).");
        memory.set(sb.toString());
    }

    /** The largest block output (the bottlenecks between blocks; the stem is left out as the V2 paper does). */
    static long largestBottleneck(NetworkStats s) {
        long max = 0;
        for (BlockSpec b : s.spec().blocks()) {
            max = Math.max(max, s.layers().get(b.lastLayer()).outputElements());
        }
        return max;
    }

    private static String kiloBytes16(long values) {
        return Formats.count(Math.round(values * 2 / 1e3)) + " kB";
    }

    private NetworkStats v1Twin(MobileNetConfig c) {
        MobileNetConfig v1 = MobileNetConfig.of(Family.V1, c.alpha(), c.resolution()).withClasses(c.classes());
        if (v1Twin == null || !v1Twin.config().equals(v1)) {
            v1Twin = NetworkStats.of(v1);
        }
        return v1Twin;
    }

    // ------------------------------------------------------------------ V3: squeeze-and-excite and h-swish

    private void squeezeExcite(NetworkStats s, BlockSpec b) {
        MobileNetConfig c = s.config();
        if (!c.family().hasMinimalistic()) {
            squeezeExcite.set("");
            return;
        }
        List<LayerStats> layers = layersOf(s, b);
        long blockMacs = layers.stream().mapToLong(LayerStats::macs).sum();
        StringBuilder sb = new StringBuilder();
        if (b.hasSqueezeExcite()) {
            String se = b.name() + "/squeeze_excite/";
            LayerStats pool = named(layers, se + "AvgPool");
            LayerStats reduce = named(layers, se + "Conv");
            LayerStats expand = named(layers, se + "Conv_1");
            LayerStats mul = named(layers, se + "mul");
            int ch = b.expandedChannels();
            int sq = b.squeezeChannels();
            Shape map = pool.layer().input();
            long seMacs = reduce.macs() + expand.macs();
            long seOps = pool.elementwiseOps() + reduce.elementwiseOps() + expand.elementwiseOps() + mul.elementwiseOps();
            long seParams = reduce.params() + expand.params();
            sb.append("Squeeze-and-excite on ").append(map).append(": pool to 1x1x").append(ch).append(", 1x1 conv ")
                    .append(ch).append(" → ").append(sq).append(" (ReLU), 1x1 conv ").append(sq).append(" → ").append(ch)
                    .append(" (hard-sigmoid), then every channel of the map scaled by its gate.\n");
            sb.append("MACs: ").append(ch).append("·").append(sq).append(" + ").append(sq).append("·").append(ch)
                    .append(" = ").append(Formats.count(seMacs)).append(" (").append(share(seMacs, blockMacs))
                    .append(" of the block's ").append(Formats.count(blockMacs)).append("); params ")
                    .append(Formats.count(seParams)).append(" with biases.\n");
            sb.append("What MACs leave out: pooling ").append(Formats.count(pool.elementwiseOps()))
                    .append(" adds, the gate's multiply ").append(Formats.count(mul.elementwiseOps()))
                    .append(", biases and activations ").append(Formats.count(reduce.elementwiseOps()
                            + expand.elementwiseOps())).append(": ").append(Formats.count(seOps))
                    .append(" elementwise operations, ").append(Formats.fixed(seOps / (double) seMacs, 1))
                    .append(" per SE MAC: cheap to count, not free to run (memory-bound).\n");
        } else {
            sb.append(c.minimalistic() ? "Minimalistic V3: no squeeze-and-excite and no h-swish anywhere.\n"
                    : "This block has no squeeze-and-excite.\n");
        }
        long hswishOps = 0;
        List<String> hswishLayers = new ArrayList<>();
        for (LayerStats l : layers) {
            if (l.layer().activation() == ActivationFunction.HARD_SWISH) {
                hswishOps += l.outputElements();
                hswishLayers.add(l.name().substring(l.name().lastIndexOf('/') + 1));
            }
        }
        if (!hswishLayers.isEmpty()) {
            sb.append("h-swish(x) = x·ReLU6(x + 3)/6 after ").append(String.join(" and ", hswishLayers)).append(": ")
                    .append(Formats.count(hswishOps)).append(" evaluations in this block, 0 MACs. The convention counts"
                            + " one operation per element, as for ReLU; computed it is an add, a clamp, a multiply and a"
                            + " scale, with no exponential (unlike swish).\n");
        } else if (!c.minimalistic()) {
            sb.append("This block uses ").append(first(layers, LayerKind.DEPTHWISE).layer().activation().id())
                    .append(", not h-swish (V3 keeps ReLU in its early, high-resolution layers, where h-swish would cost"
                            + " most).\n");
        }
        Totals t = s.totals();
        long hswishNet = s.layers().stream().filter(l -> l.layer().activation() == ActivationFunction.HARD_SWISH)
                .mapToLong(LayerStats::outputElements).sum();
        long seNetMacs = s.share(LayerKind.SE_CONV).macs();
        sb.append("Whole network: ").append(Formats.millions(t.macs())).append(" MACs, of which squeeze-and-excite ")
                .append(Formats.millions(seNetMacs)).append(" (").append(share(seNetMacs, t.macs())).append("); ")
                .append(Formats.millions(t.elementwiseOps())).append(" elementwise operations besides, ")
                .append(Formats.millions(hswishNet)).append(" of them h-swish.");
        squeezeExcite.set(sb.toString());
    }

    // ------------------------------------------------------------------ the papers' drawings

    /**
     * The drawings of block {@code b}: the inverted residual and the SE branch where they apply, then V1 Figure 2
     * (for a V2/V3 block: of its depthwise and projection).
     */
    static List<PaperFigure> figuresOf(NetworkStats s, BlockSpec b) {
        List<LayerStats> layers = layersOf(s, b);
        String label = s.config().label();
        String stem = b.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        List<PaperFigure> out = new ArrayList<>();
        LayerStats dw = layers.stream().filter(l -> l.kind() == LayerKind.DEPTHWISE).findFirst().orElse(null);
        LayerSpec firstConv = dw != null ? dw.layer() : layers.get(0).layer();
        LayerSpec last = layers.stream().map(LayerStats::layer).filter(l -> l.kind() == LayerKind.POINTWISE
                && l.index() > firstConv.index()).reduce((x, y) -> y).orElse(layers.get(layers.size() - 1).layer());
        if (b.op().kind() == OpDef.Kind.EXPANDED_CONV && dw != null) {
            out.add(new PaperFigure.InvertedResidual("Inverted residual " + b.name() + " of " + label,
                    "inverted-residual-" + stem, layers.get(0).layer().input().h(),
                    last.output().h(), b.inputChannels(), b.expandedChannels(), b.outputChannels(),
                    dw.layer().kernel(), dw.layer().stride(), dw.layer().activation().id(), b.hasSqueezeExcite(),
                    b.residual()));
        }
        if (b.hasSqueezeExcite()) {
            out.add(new PaperFigure.SqueezeExcite("Squeeze-and-excite of " + b.name() + " of " + label,
                    "squeeze-excite-" + stem, dw.layer().output().h(), b.expandedChannels(), b.squeezeChannels()));
        }
        out.add(new PaperFigure.Separable("V1 Figure 2 for " + b.name() + " of " + label + " (D_K = "
                + firstConv.kernel() + ", M = " + firstConv.input().c() + ", N = " + last.output().c() + ")",
                "figure2-" + stem, firstConv.kernel(), firstConv.input().c(), last.output().c(), last.output().h()));
        return out;
    }

    /** Export > figure as PNG or SVG: asks for a file, then {@link #export(PaperFigure, Path)}. */
    public void exportWithChooser(PaperFigure figure, ExportFormat format) {
        String ext = format.name().toLowerCase(java.util.Locale.ROOT);
        files.dialogs().chooseSave("Export drawing as " + format.name(), files.folders().last(EXPORTS),
                figure.fileStem() + "." + ext, format.name() + " file", ext).ifPresent(f -> export(figure, f));
    }

    /** Writes {@code figure} to {@code file} (.png or .svg) in the background; a failure opens a one-line error. */
    public void export(PaperFigure figure, Path file) {
        executor.execute(BackgroundTask.of(() -> {
            PaperFigures.write(figure, file);
            return file;
        }).onSuccess(f -> {
            files.folders().remember(EXPORTS, f);
            files.status().accept("Exported " + f);
        }).onFailure(e -> files.dialogs().error("Export failed", file + ": " + (e instanceof IOException io
                ? UserFiles.reason(io) : e.getMessage()))));
    }

    static final String EXPORTS = "exports";

    private static List<LayerStats> layersOf(NetworkStats s, BlockSpec b) {
        return s.layers().subList(b.firstLayer(), b.lastLayer() + 1);
    }

    private static LayerStats first(List<LayerStats> layers, LayerKind kind) {
        return layers.stream().filter(l -> l.kind() == kind).findFirst().orElseThrow();
    }

    private static LayerStats named(List<LayerStats> layers, String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no layer " + name));
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "0 %" : Formats.fixed(100.0 * part / whole, 1) + " %";
    }

    private void table3(MobileNetConfig c) {
        int channels = c.rounding().apply(T3_CHANNELS, c.alpha());
        int map = ArchitectureSpec.of(new MobileNetConfig(1.0, c.resolution())).layer(T3_LAYER).input().h();
        table3.setAll(
                t3("Convolution 3x3, 512 -> 512 at 14x14", LayerKind.CONV, T3_CHANNELS, T3_MAP, "462", "2.36"),
                t3("Depthwise separable conv", null, T3_CHANNELS, T3_MAP, "52.3", "0.27"),
                t3("alpha = " + MobileNetConfig.fmt(c.alpha()) + " (" + channels + " channels)", null, channels,
                        T3_MAP, "29.6", "0.15"),
                t3("rho = " + Formats.fixed(c.rho(), 3) + " (" + map + "x" + map + " map)", null, channels, map,
                        "15.1", "0.15"));
        table3Caption.set("Paper Table 3 at alpha = " + MobileNetConfig.fmt(c.alpha()) + ", rho = "
                + Formats.fixed(c.rho(), 3) + " (" + c.rounding().id() + " rounding). The paper printed alpha = 0.75,"
                + " rho = 0.714 (160 px).");
    }

    private static Table3Row t3(String step, LayerKind full, int ch, int map, String paperMacs, String paperParams) {
        Shape in = new Shape(map, map, ch);
        long macs;
        long params;
        if (full == LayerKind.CONV) {
            LayerSpec conv = new LayerSpec(0, "conv", LayerKind.CONV, T3_KERNEL, 1, in, in, 0);
            macs = CostModel.macs(conv);
            params = CostModel.params(conv);
        } else {
            LayerSpec dw = new LayerSpec(0, "dw", LayerKind.DEPTHWISE, T3_KERNEL, 1, in, in, 0);
            LayerSpec pw = new LayerSpec(1, "pw", LayerKind.POINTWISE, 1, 1, in, in, 0);
            macs = CostModel.macs(dw) + CostModel.macs(pw);
            params = CostModel.params(dw) + CostModel.params(pw);
        }
        return new Table3Row(step, Formats.fixed(macs / 1e6, 1), Formats.fixed(params / 1e6, 2), paperMacs,
                paperParams);
    }

    /**
     * The known differences between published tables and the arithmetic, as the reference data records them
     * (misprints, and numbers counted with another convention).
     */
    static List<MisprintRow> misprintsOf(PublishedData published) {
        List<MisprintRow> out = new ArrayList<>();
        for (KnownMisprint m : published.knownMisprints()) {
            String unit = switch (m.quantity()) {
                case MILLION_MACS -> " M MACs";
                case MILLION_PARAMS -> " M params";
                case MAC_SHARE_PERCENT -> " % of MACs";
                case PARAM_SHARE_PERCENT -> " % of params";
            };
            out.add(new MisprintRow(m.where(), m.type(), number(m.printed()) + unit, number(m.arithmetic()) + unit,
                    m.explanation()));
        }
        return out;
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    public ObservableList<Integer> blocks() {
        return blocks;
    }

    public IntegerProperty blockProperty() {
        return block;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty symbolsProperty() {
        return symbols.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty standardProperty() {
        return standard.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty separableProperty() {
        return separable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ratioProperty() {
        return ratio.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ratioFormulaProperty() {
        return ratioFormula.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ObservableList<Table3Row> table3() {
        return table3;
    }

    public ReadOnlyStringProperty table3CaptionProperty() {
        return table3Caption.getReadOnlyProperty();
    }

    public ObservableList<MisprintRow> misprints() {
        return misprints;
    }

    /** The inverted residual of a V2/V3 block, empty for V1 blocks. */
    public ReadOnlyStringProperty residualProperty() {
        return residual.getReadOnlyProperty();
    }

    /** V2/V3 against V1 at the same alpha and resolution: MACs and activation memory; empty for V1. */
    public ReadOnlyStringProperty memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    /** Squeeze-and-excite and h-swish costs of a V3 block, empty for V1 and V2. */
    public ReadOnlyStringProperty squeezeExciteProperty() {
        return squeezeExcite.getReadOnlyProperty();
    }

    /** The papers' drawings of the selected block, live. */
    public ObservableList<PaperFigure> figures() {
        return figures;
    }

    /** {@code 3 · expanded_conv_2} for the block chooser. */
    public String blockLabel(Integer number) {
        NetworkStats s = stats.getValue();
        if (number == null || s == null || number < 1 || number > s.spec().blocks().size()) {
            return number == null ? "" : String.valueOf(number);
        }
        return number + " · " + s.spec().block(number).name();
    }
}
