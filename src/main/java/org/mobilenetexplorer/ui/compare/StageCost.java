package org.mobilenetexplorer.ui.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.LayerStats;
import org.mobilenetexplorer.model.NetworkStats;

/**
 * The costs of one stage of a network: its layers grouped by output resolution, the unit on which networks of
 * different families align (V1's 13 separable blocks and V3-Large's 15 inverted residuals do not pair up layer by
 * layer, but both run at 112, 56, 28, 14 and 7 pixels at 224 px). A stage is keyed by its output stride (input
 * resolution / map size: 2, 4, 8, 16, 32), so configurations of different resolutions align too; the head (the
 * global pool and everything after it) is a stage of its own. Each layer counts in the stage of its own output map
 * (a V2/V3 block's expansion before a stride-2 depthwise runs at the larger map, as the V2 paper's Table 2 rows do),
 * except squeeze-and-excite's 1 x 1 pool and convolutions, which count with the map they squeeze.
 *
 * @param stride  output stride of the stage (a power of two), {@link #HEAD} for the head
 * @param mapSize its output map size ({@code 112} for 112 x 112), 1 for the head
 * @param layers  how many layers it holds
 * @param macs    their multiply-adds
 * @param params  their weights and biases
 * @param elementwiseOps their elementwise operations (not counted as MACs)
 */
public record StageCost(int stride, int mapSize, int layers, long macs, long params, long elementwiseOps) {

    /** The key of the head: the global average pool and the classifier after it. */
    public static final int HEAD = Integer.MAX_VALUE;

    /** True for the head. */
    public boolean isHead() {
        return stride == HEAD;
    }

    /** {@code 112x112}, or {@code head}. */
    public String mapLabel() {
        return isHead() ? "head" : mapSize + "x" + mapSize;
    }

    /** The stages of {@code stats}, in network order (the head last). */
    public static List<StageCost> of(NetworkStats stats) {
        int resolution = stats.config().resolution();
        List<LayerStats> layers = stats.layers();
        int head = layers.size();
        for (LayerStats l : layers) {
            if (l.kind() == LayerKind.AVG_POOL && l.layer().block() == 0) {
                head = l.index();
                break;
            }
        }
        Map<Integer, long[]> sums = new LinkedHashMap<>();
        Map<Integer, Integer> maps = new LinkedHashMap<>();
        int previousMap = resolution;
        for (LayerStats l : layers) {
            int key;
            int map;
            if (l.index() >= head) {
                key = HEAD;
                map = 1;
            } else {
                LayerSpec layer = l.layer();
                map = layer.block() > 0 && layer.output().h() == 1 ? previousMap : layer.output().h();
                previousMap = map;
                key = strideOf(resolution, map);
            }
            maps.putIfAbsent(key, map);
            long[] s = sums.computeIfAbsent(key, k -> new long[4]);
            s[0]++;
            s[1] += l.macs();
            s[2] += l.params();
            s[3] += l.elementwiseOps();
        }
        List<StageCost> out = new ArrayList<>(sums.size());
        sums.forEach((k, s) -> out.add(new StageCost(k, maps.get(k), (int) s[0], s[1], s[2], s[3])));
        return out;
    }

    /** The power of two nearest to resolution / map (TF 'SAME' rounds maps up: 224 -> 112, 150 -> 75 -> 38). */
    static int strideOf(int resolution, int map) {
        int k = (int) Math.round(Math.log(resolution / (double) map) / Math.log(2));
        return 1 << Math.max(0, k);
    }
}
