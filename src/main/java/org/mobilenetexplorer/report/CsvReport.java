package org.mobilenetexplorer.report;

import java.util.List;
import java.util.Locale;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerStats;
import org.mobilenetexplorer.model.NetworkStats;

/** CSV views: one row per layer (exact, unscaled values under the {@link Column} keys), or one per configuration. */
public final class CsvReport {
    private CsvReport() {
    }

    /** The layers of {@code stats}; no totals row, so the file is plain data. */
    public static String layers(NetworkStats stats) {
        StringBuilder sb = new StringBuilder();
        List<Column> cols = java.util.Arrays.stream(Column.values()).filter(c -> c.inCsv(stats.config().family()))
                .toList();
        sb.append(String.join(",", cols.stream().map(Column::key).toList())).append('\n');
        for (LayerStats s : stats.layers()) {
            sb.append(String.join(",", cols.stream().map(c -> quote(c.raw(s, stats))).toList())).append('\n');
        }
        return sb.toString();
    }

    /**
     * One row per configuration, exact integers. When any row is not V1, two columns follow: {@code family},
     * {@code minimalistic} (V1-only summaries stay as they were).
     */
    public static String summary(List<LabelledStats> rows) {
        boolean families = rows.stream().anyMatch(r -> r.stats().config().family() != Family.V1);
        StringBuilder sb = new StringBuilder("label,alpha,resolution,classes,rounding,blocks14,standard_conv,"
                + "activation,macs,params,weights,bn_params,final_feature_map,peak_activation_bytes"
                + (families ? ",family,minimalistic" : "") + "\n");
        for (LabelledStats r : rows) {
            var c = r.stats().config();
            var t = r.stats().totals();
            sb.append(quote(r.label())).append(',')
                    .append(String.format(Locale.ROOT, "%s,%d,%d,%s,%d,%b,%s,%d,%d,%d,%d,%d,%d%n",
                            org.mobilenetexplorer.model.MobileNetConfig.fmt(c.alpha()), c.resolution(), c.classes(),
                            c.rounding().id(), c.blocks14(), c.standardConv(), c.activation().id(), t.macs(),
                            t.params(), t.weights(), t.bnParams(), r.stats().finalFeatureMap(),
                            t.peakActivationBytes()).replace(System.lineSeparator(), "\n"));
            if (families) {
                sb.setLength(sb.length() - 1);
                sb.append(',').append(c.family().id()).append(',').append(c.minimalistic()).append('\n');
            }
        }
        return sb.toString();
    }

    static String quote(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
