package org.mobilenetexplorer.bench.dl4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.mobilenetexplorer.bench.BackendException;
import org.mobilenetexplorer.bench.LayerTiming;
import org.mobilenetexplorer.bench.PreparedNetwork;
import org.mobilenetexplorer.bench.SpecLayerNames;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A built DL4J network: V1's {@link MultiLayerNetwork} chain or another family's {@link ComputationGraph} (exactly one
 * of the two). {@link #run} calls {@code output(input, false)} (inference mode).
 */
final class Dl4jPreparedNetwork implements PreparedNetwork {
    private final ArchitectureSpec spec;
    private final int batch;
    private final CNN2DFormat format;
    private final MultiLayerNetwork net;
    private final ComputationGraph graph;
    private final Map<String, String> settings;

    Dl4jPreparedNetwork(ArchitectureSpec spec, int batch, CNN2DFormat format, MultiLayerNetwork net,
            Map<String, String> settings) {
        this(spec, batch, format, net, null, settings);
    }

    Dl4jPreparedNetwork(ArchitectureSpec spec, int batch, CNN2DFormat format, ComputationGraph graph,
            Map<String, String> settings) {
        this(spec, batch, format, null, graph, settings);
    }

    private Dl4jPreparedNetwork(ArchitectureSpec spec, int batch, CNN2DFormat format, MultiLayerNetwork net,
            ComputationGraph graph, Map<String, String> settings) {
        this.spec = spec;
        this.batch = batch;
        this.format = format;
        this.net = net;
        this.graph = graph;
        this.settings = Map.copyOf(settings);
    }

    @Override
    public int batchSize() {
        return batch;
    }

    /** The NHWC input as the network's layout. */
    INDArray toInput(float[] input) throws BackendException {
        Shape in = spec.input();
        if (input.length != in.elements() * batch) {
            throw new BackendException("input has " + input.length + " values, expected " + batch + " x " + in);
        }
        INDArray nhwc = Nd4j.create(input, new long[] {batch, in.h(), in.w(), 3}, 'c');
        return switch (format) {
            case NHWC -> nhwc;
            case NCHW -> nhwc.permute(0, 3, 1, 2).dup('c');
        };
    }

    @Override
    public float[] run(float[] input) throws BackendException {
        INDArray out = net != null ? net.output(toInput(input), false) : graph.outputSingle(false, toInput(input));
        return out.dup('c').data().asFloat(); // batch x classes, row-major
    }

    @Override
    public List<LayerTiming> profileLayers(float[] input, int repeats) throws BackendException {
        if (repeats < 1) {
            throw new BackendException("repeats = " + repeats + ": must be >= 1");
        }
        INDArray x0 = toInput(input);
        if (graph != null) {
            return profileGraph(x0, repeats);
        }
        Map<String, List<Long>> byLayer = new LinkedHashMap<>();
        for (LayerSpec l : spec.layers()) {
            byLayer.put(l.name(), new ArrayList<>(repeats));
        }
        String[] owner = new String[net.getnLayers()];
        for (int i = 0; i < owner.length; i++) {
            String name = net.getLayer(i).conf().getLayer().getLayerName();
            Optional<LayerSpec> l = SpecLayerNames.layerOf(spec, name);
            owner[i] = l.orElseThrow(() -> new IllegalStateException("DL4J layer " + name + " has no spec layer"))
                    .name();
        }
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        for (int r = -1; r < repeats; r++) { // r = -1: warm-up, not recorded
            long[] sums = new long[spec.layers().size()];
            INDArray x = x0;
            for (int i = 0; i < owner.length; i++) {
                long t0 = System.nanoTime();
                InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
                if (pre != null) {
                    x = pre.preProcess(x, batch, mgr);
                }
                Layer layer = net.getLayer(i);
                x = layer.activate(x, false, mgr);
                Nd4j.getExecutioner().commit();
                long t1 = System.nanoTime();
                sums[spec.layer(owner[i]).index()] += t1 - t0;
            }
            if (r >= 0) {
                for (LayerSpec l : spec.layers()) {
                    byLayer.get(l.name()).add(sums[l.index()]);
                }
            }
        }
        List<LayerTiming> out = new ArrayList<>();
        byLayer.forEach((k, v) -> out.add(new LayerTiming(k, v)));
        return out;
    }

    /**
     * The graph's vertices run one at a time in topological order, each timed to the end of its native work, summed
     * per spec layer (a spec layer's batch norm and activation vertices count toward it).
     */
    private List<LayerTiming> profileGraph(INDArray x0, int repeats) {
        org.deeplearning4j.nn.graph.vertex.GraphVertex[] vertices = graph.getVertices();
        int[] order = graph.topologicalSortOrder();
        int[] owner = new int[vertices.length];
        for (int v : order) {
            String name = vertices[v].getVertexName();
            owner[v] = vertices[v].isInputVertex() ? -1 : SpecLayerNames.layerOf(spec, name)
                    .orElseThrow(() -> new IllegalStateException("DL4J vertex " + name + " has no spec layer")).index();
        }
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        List<List<Long>> byLayer = new ArrayList<>();
        spec.layers().forEach(l -> byLayer.add(new ArrayList<>(repeats)));
        for (int r = -1; r < repeats; r++) { // r = -1: warm-up, not recorded
            long[] sums = new long[spec.layers().size()];
            INDArray[] outs = new INDArray[vertices.length];
            for (int v : order) {
                org.deeplearning4j.nn.graph.vertex.GraphVertex gv = vertices[v];
                if (gv.isInputVertex()) {
                    outs[v] = x0;
                    continue;
                }
                long t0 = System.nanoTime();
                org.deeplearning4j.nn.graph.vertex.VertexIndices[] ins = gv.getInputVertices();
                for (int i = 0; i < ins.length; i++) {
                    gv.setInput(i, outs[ins[i].getVertexIndex()], mgr);
                }
                outs[v] = gv.doForward(false, mgr);
                Nd4j.getExecutioner().commit();
                sums[owner[v]] += System.nanoTime() - t0;
                gv.clear();
            }
            if (r >= 0) {
                for (int i = 0; i < sums.length; i++) {
                    byLayer.get(i).add(sums[i]);
                }
            }
        }
        List<LayerTiming> out = new ArrayList<>();
        for (LayerSpec l : spec.layers()) {
            out.add(new LayerTiming(l.name(), byLayer.get(l.index())));
        }
        return out;
    }

    /** DL4J's parameter count. */
    long numParams() {
        return net != null ? net.numParams() : graph.numParams();
    }

    /** DL4J layers (MultiLayerNetwork) or vertices without the input (ComputationGraph). */
    int layerCount() {
        return net != null ? net.getnLayers() : graph.getVertices().length - 1;
    }

    /** The output shape (H x W x C, batch dropped) of each spec layer: the last DL4J layer mapping to it. */
    Map<String, Shape> layerOutputShapes(float[] input) throws BackendException {
        List<String> names = new ArrayList<>();
        List<INDArray> acts = new ArrayList<>();
        if (net != null) {
            List<INDArray> all = net.feedForward(toInput(input), false);
            for (int i = 0; i < net.getnLayers(); i++) {
                names.add(net.getLayer(i).conf().getLayer().getLayerName());
                acts.add(all.get(i + 1)); // index 0 is the input
            }
        } else {
            Map<String, INDArray> all = graph.feedForward(toInput(input), false);
            for (int v : graph.topologicalSortOrder()) {
                var gv = graph.getVertices()[v];
                if (!gv.isInputVertex()) {
                    names.add(gv.getVertexName());
                    acts.add(all.get(gv.getVertexName()));
                }
            }
        }
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            LayerSpec l = SpecLayerNames.layerOf(spec, name).orElseThrow();
            long[] s = acts.get(i).shape();
            Shape shape = switch (s.length) {
                case 2 -> new Shape(1, 1, (int) s[1]);
                case 4 -> format == CNN2DFormat.NHWC ? new Shape((int) s[1], (int) s[2], (int) s[3])
                        : new Shape((int) s[2], (int) s[3], (int) s[1]);
                default -> throw new IllegalStateException("layer " + name + ": unexpected rank " + s.length);
            };
            shapes.put(l.name(), shape);
        }
        return shapes;
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public void close() {
        if (net != null) {
            net.close();
        } else {
            graph.close();
        }
    }
}
