package org.mobilenetexplorer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Compute once, query many: the immutable cost analysis of one configuration, with per-layer, by-kind and
 * total views.
 */
public final class NetworkStats {
    private final ArchitectureSpec spec;
    private final List<LayerStats> layers;
    private final Totals totals;
    private final Map<LayerKind, KindShare> byKind;

    private NetworkStats(ArchitectureSpec spec) {
        this.spec = spec;
        List<LayerSpec> specs = spec.layers();
        int n = specs.size();
        List<LayerStats> rows = new ArrayList<>(n);
        long macs = 0;
        long params = 0;
        long weights = 0;
        long bn = 0;
        long act = 0;
        long elementwise = 0;
        // liveness: a layer's output stays alive until its last reader has run
        int[] lastUse = new int[n];
        int inputLastUse = -1;
        for (LayerSpec l : specs) {
            lastUse[l.index()] = -1;
            for (int in : l.inputs()) {
                if (in == LayerSpec.NETWORK_INPUT) {
                    inputLastUse = Math.max(inputLastUse, l.index());
                } else {
                    lastUse[in] = Math.max(lastUse[in], l.index());
                }
            }
        }
        long[] releasedAfter = new long[n];
        long alive = 0;
        if (inputLastUse >= 0) {
            alive = spec.input().elements();
            releasedAfter[inputLastUse] += alive;
        }
        long peak = -1;
        String peakLayer = "";
        for (LayerSpec l : specs) {
            LayerStats s = LayerStats.of(l);
            rows.add(s);
            macs += s.macs();
            params += s.params();
            weights += CostModel.weights(l);
            bn += s.bnParams();
            act += s.outputElements();
            elementwise += s.elementwiseOps();
            long live = (alive + s.outputElements()) * CostModel.BYTES_PER_ELEMENT;
            if (live > peak) {
                peak = live;
                peakLayer = l.name();
            }
            int i = l.index();
            alive -= releasedAfter[i];
            if (lastUse[i] > i) {
                alive += s.outputElements();
                releasedAfter[lastUse[i]] += s.outputElements();
            }
        }
        this.layers = Collections.unmodifiableList(rows);
        this.totals = new Totals(rows.size(), macs, params, weights, bn, act, peak, peakLayer, elementwise);

        Map<LayerKind, int[]> counts = new EnumMap<>(LayerKind.class);
        Map<LayerKind, long[]> sums = new EnumMap<>(LayerKind.class);
        for (LayerStats s : rows) {
            counts.computeIfAbsent(s.kind(), k -> new int[1])[0]++;
            long[] sum = sums.computeIfAbsent(s.kind(), k -> new long[3]);
            sum[0] += s.macs();
            sum[1] += s.params();
            sum[2] += s.elementwiseOps();
        }
        Map<LayerKind, KindShare> shares = new EnumMap<>(LayerKind.class);
        for (var e : sums.entrySet()) {
            long[] sum = e.getValue();
            shares.put(e.getKey(), new KindShare(e.getKey(), counts.get(e.getKey())[0], sum[0], sum[1],
                    macs == 0 ? 0 : sum[0] / (double) macs, params == 0 ? 0 : sum[1] / (double) params, sum[2]));
        }
        this.byKind = Collections.unmodifiableMap(shares);
    }

    /** Analyses {@code config}. */
    public static NetworkStats of(MobileNetConfig config) {
        return new NetworkStats(ArchitectureSpec.of(config));
    }

    /** Analyses an already built spec. */
    public static NetworkStats of(ArchitectureSpec spec) {
        return new NetworkStats(spec);
    }

    public MobileNetConfig config() {
        return spec.config();
    }

    public ArchitectureSpec spec() {
        return spec;
    }

    /** Per-layer rows in execution order. */
    public List<LayerStats> layers() {
        return layers;
    }

    public Totals totals() {
        return totals;
    }

    /** Shares by kind, for the kinds present, in {@link LayerKind} order. */
    public Map<LayerKind, KindShare> byKind() {
        return byKind;
    }

    /** The share of {@code kind}, zero if absent. */
    public KindShare share(LayerKind kind) {
        KindShare s = byKind.get(kind);
        return s != null ? s : new KindShare(kind, 0, 0, 0, 0, 0, 0);
    }

    /** The final feature map size of the body (ceil(resolution / 32)): the input of the last global pool. */
    public int finalFeatureMap() {
        for (int i = layers.size() - 1; i >= 0; i--) {
            LayerSpec l = layers.get(i).layer();
            if (l.kind() == LayerKind.AVG_POOL) {
                return l.input().h();
            }
        }
        throw new IllegalStateException("no pooling layer");
    }
}
