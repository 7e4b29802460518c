package org.mobilenetexplorer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;

import java.util.Locale;
import org.mobilenetexplorer.bench.EnvironmentProbe;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.predict.DeviceProfile;
import org.mobilenetexplorer.predict.KernelFit;
import org.mobilenetexplorer.predict.LatencyModel;
import org.mobilenetexplorer.predict.LayerPrediction;
import org.mobilenetexplorer.predict.Prediction;
import org.mobilenetexplorer.predict.Validation;

/** The text and JSON of {@code calibrate} and {@code predict}. */
final class PredictReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PredictReport() {
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** How the band is computed, in words (printed under every prediction). */
    static String bandMethod(LatencyModel m) {
        return f("band +-%.1f%%: the 90th percentile of |error| when each of the %d calibration networks is predicted "
                + "by a model fitted without it", m.bandPercent(), m.calibrationErrors().size());
    }

    /** The band of {@code family}'s predictions, in words. */
    static String bandMethod(LatencyModel m, Family family) {
        long own = m.calibrationErrors().stream().filter(e -> e.config().family() == family).count();
        if (m.bandPercent(family) == m.bandPercent() && own < m.calibrationErrors().size()) {
            return bandMethod(m);
        }
        return f("band +-%.1f%%: the 90th percentile of |error| when each of the %d %s calibration networks is "
                + "predicted by a model fitted without it", m.bandPercent(family), own, family.id());
    }

    /** {@code calibrated 2026-11-30T09:10:00Z on AMD EPYC (2 cores, avx2 fma ...), 20 networks in 95 s} */
    static String provenance(LatencyModel m, Path file) {
        DeviceProfile p = m.profile();
        var env = p.environment();
        return f("device profile %s: %s %s, calibrated %s on %s (%s logical cores; %s), %d networks in %.0f s, "
                + "load average %s at the start", file, p.backend(), p.precision(), p.created(), p.cpu(),
                env.getOrDefault(EnvironmentProbe.LOGICAL_CORES, "?"), env.getOrDefault(EnvironmentProbe.SIMD, "?"),
                p.networks().size(), p.elapsedSeconds(), p.loadAverage() < 0 ? "unknown" : f("%.2f", p.loadAverage()));
    }

    /** What {@code calibrate} prints: the file, the fits, the leave-one-out errors. */
    static void calibration(LatencyModel m, Path file, PrintWriter out) {
        out.println(provenance(m, file));
        out.println();
        out.println(f("%-26s %7s  %-70s  %s", "Kernel", "Layers", "Fit (ms per unit)", "RMS residual"));
        out.println("-".repeat(120));
        for (KernelFit k : m.kernelFits()) {
            out.println(f("%-26s %7d  %-70s  %s", k.key().id(), k.samples(), formula(k),
                    Double.isNaN(k.rmsPercent()) ? "-" : f("%.1f%%", k.rmsPercent())));
        }
        double[] o = m.overheadCoefficients();
        StringBuilder over = new StringBuilder(f("%.4f", o[0]));
        for (int i = 1; i < o.length; i++) {
            over.append(f(" %s %.4g x %s", o[i] < 0 ? "-" : "+", Math.abs(o[i]),
                    LatencyModel.OVERHEAD_FEATURES.get(i)));
        }
        out.println(f("%-26s %7d  %-70s", "network overhead", m.profile().networks().size(), over));
        out.println();
        out.println("Leave-one-network-out (each calibration network predicted by a model fitted without it):");
        out.println(f("  %-22s %12s %13s %8s", "config", "measured ms", "predicted ms", "error"));
        for (LatencyModel.CalibrationError e : m.calibrationErrors()) {
            out.println(f("  %-22s %12.3f %13.3f %+7.1f%%", e.config().label(), e.measuredMs(), e.predictedMs(),
                    e.errorPercent()));
        }
        out.println(bandMethod(m));
        busyWarning(m, out);
    }

    /** A warning when the calibration ran on a busy machine or left a wide band; nothing otherwise. */
    static void busyWarning(LatencyModel m, PrintWriter out) {
        int cores = Runtime.getRuntime().availableProcessors();
        boolean busy = m.profile().loadAverage() > cores / 2.0;
        if (busy || m.bandPercent() > 20) {
            out.println(f("WARNING: %s: the whole-network medians were noisy. Calibrate again on a quiet machine for "
                    + "usable predictions.", busy ? f("the load average was %.2f on %d logical cores when the "
                    + "calibration started", m.profile().loadAverage(), cores)
                    : f("the band is +-%.1f%%", m.bandPercent())));
        }
    }

    private static String formula(KernelFit k) {
        StringBuilder sb = new StringBuilder();
        double[] c = k.coefficients();
        for (int i = 0; i < c.length; i++) {
            String name = k.features().get(i);
            if (i > 0) {
                sb.append(c[i] < 0 ? " - " : " + ");
            } else if (c[i] < 0) {
                sb.append('-');
            }
            sb.append(f("%.4g", Math.abs(c[i])));
            if (!name.equals("1")) {
                sb.append(" x ").append(name.substring(1)); // "MMACs" -> "MACs" (per million)
            }
        }
        return sb.toString();
    }

    static void table(Prediction p, LatencyModel m, Path file, PrintWriter out) {
        out.println(f("%s %s on %s (%s, batch 1): predicted %.3f ms (%.3f..%.3f, +-%.1f%%)",
                p.config().family().displayName(), p.config().label(), m.profile().backend(), m.profile().precision(), p.predictedMs(), p.lowMs(),
                p.highMs(), p.bandPercent()));
        out.println("  " + provenance(m, file));
        String range = m.profile().grid().rangeText(p.config().family());
        out.println("  " + (p.interpolated() ? "inside the calibration grid (" + range + ")"
                : "OUTSIDE the calibration grid (" + range
                + "): extrapolated, the band does not cover it"));
        out.println();
        out.println(f("%3s  %-40s %-26s %10s %12s %7s", "#", "Layer", "Kernel", "MACs (M)", "Predicted ms",
                "Share"));
        out.println("-".repeat(105));
        for (LayerPrediction l : p.layers()) {
            out.println(f("%3d  %-40s %-26s %10.3f %12.4f %6.1f%%", l.index(), l.name(), l.kernel(), l.macs() / 1e6,
                    l.predictedMs(), l.predictedMs() / p.predictedMs() * 100));
        }
        out.println("-".repeat(105));
        out.println(f("     %-79s %12.4f %6.1f%%", "Sum of layers", p.layerSumMs(),
                p.layerSumMs() / p.predictedMs() * 100));
        out.println(f("     %-79s %12.4f %6.1f%%", "Per-network overhead (fitted)", p.overheadMs(),
                p.overheadMs() / p.predictedMs() * 100));
        out.println(f("     %-79s %12.4f", "Predicted median latency", p.predictedMs()));
        out.println();
        out.println("Overhead: input copy, tensor creation, the session call and gaps between kernels, fitted as "
                + "network median - sum of measured layers.");
        out.println(bandMethod(m, p.config().family()) + ".");
        busyWarning(m, out);
    }

    static String json(Prediction p, LatencyModel m, Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.set("config", config(p.config()));
        root.put("family", p.config().family().id());
        root.put("backend", m.profile().backend());
        root.put("precision", m.profile().precision());
        root.put("predictedMs", p.predictedMs());
        root.put("lowMs", p.lowMs());
        root.put("highMs", p.highMs());
        root.put("bandPercent", p.bandPercent());
        root.put("band", bandMethod(m, p.config().family()));
        root.put("layerSumMs", p.layerSumMs());
        root.put("overheadMs", p.overheadMs());
        root.put("interpolated", p.interpolated());
        ArrayNode layers = root.putArray("layers");
        for (LayerPrediction l : p.layers()) {
            layers.addObject().put("index", l.index()).put("name", l.name()).put("kind", l.kind().name())
                    .put("kernel", l.kernel()).put("macs", l.macs()).put("predictedMs", l.predictedMs());
        }
        root.set("profile", profile(m, file));
        return root.toPrettyString();
    }

    private static ObjectNode config(MobileNetConfig c) {
        return JSON.createObjectNode().put("family", c.family().id()).put("minimalistic", c.minimalistic())
                .put("alpha", c.alpha()).put("resolution", c.resolution())
                .put("classes", c.classes()).put("label", c.label());
    }

    private static ObjectNode profile(LatencyModel m, Path file) {
        DeviceProfile p = m.profile();
        ObjectNode n = JSON.createObjectNode();
        n.put("file", file.toString());
        n.put("created", p.created());
        n.put("cpu", p.cpu());
        n.put("logicalCores", p.environment().getOrDefault(EnvironmentProbe.LOGICAL_CORES, ""));
        n.put("simd", p.environment().getOrDefault(EnvironmentProbe.SIMD, ""));
        n.put("backendName", p.environment().getOrDefault(EnvironmentProbe.BACKEND_NAME, p.backend()));
        n.put("networks", p.networks().size());
        n.put("grid", p.grid().rangeText());
        n.put("loadAverage", p.loadAverage());
        return n;
    }

    static void validation(Validation v, LatencyModel m, Path file, double loadBefore, double loadAfter,
                           PrintWriter out) {
        out.println(f("Validation of the %s %s predictor on %d held-out configurations (off the calibration grid), "
                + "batch 1", m.profile().backend(), m.profile().precision(), v.rows().size()));
        out.println("  " + provenance(m, file));
        out.println(f("  load average (1 min) %.2f before, %.2f after, on %d logical cores%s", loadBefore, loadAfter,
                Runtime.getRuntime().availableProcessors(),
                loadBefore >= 1.0 ? ": the machine was busy before the measurements, expect larger errors" : ""));
        out.println();
        out.println(f("%-22s %12s %8s %13s %19s %8s", "config", "measured ms", "rounds", "predicted ms", "band ms",
                "error"));
        out.println("-".repeat(87));
        for (Validation.Row r : v.rows()) {
            out.println(f("%-22s %12.3f %8s %13.3f %9.3f..%-8.3f %+7.1f%%%s", r.config().label(), r.measuredMs(),
                    Double.isNaN(r.roundSpreadPercent()) ? "-" : f("%.1f%%", r.roundSpreadPercent()),
                    r.predictedMs(), r.lowMs(), r.highMs(), r.errorPercent(),
                    Math.abs(r.errorPercent()) > Validation.BEYOND_PERCENT ? "  beyond 20%" : ""));
        }
        out.println("-".repeat(87));
        if (!Double.isNaN(v.medianRoundSpreadPercent())) {
            out.println(f("  rounds: (slowest - fastest round's median) / measured; median %.1f%%, more than 10%% in %d"
                    + " of %d (the measurement's own repeatability)", v.medianRoundSpreadPercent(),
                    v.roundsSpreadBeyond10(), v.rows().size()));
        }
        for (Family family : v.families()) {
            Validation own = v.of(family);
            out.println(f("  %-10s MAPE %5.1f%%; within +-10%%: %d of %d; worst %.1f%%", family.id(), own.mapePercent(),
                    Math.round(own.shareWithin10() * own.rows().size()), own.rows().size(), own.worstPercent()));
        }
        long within = Math.round(v.shareWithin10() * v.rows().size());
        out.println(f("MAPE %.1f%%; within +-10%%: %d of %d (%.0f%%); beyond +-20%%: %d; worst %.1f%%; inside the "
                + "band: %.0f%%", v.mapePercent(), within, v.rows().size(), v.shareWithin10() * 100, v.beyond20(),
                v.worstPercent(), v.shareInsideBand() * 100));
        out.println("Goal (>= 90% within +-10%, none beyond +-20%): " + (v.meetsGoal() ? "MET" : "NOT MET"));
        if (!v.anchors().isEmpty()) {
            out.println();
            out.println(f("Machine drift: %d calibration networks measured again in the same rounds ran at %.2f x their"
                    + " calibrated median (median of the ratios):", v.anchors().size(), v.drift()));
            for (Validation.Anchor a : v.anchors()) {
                out.println(f("  %-22s calibrated %.3f ms, now %.3f ms (x %.2f)", a.config().label(), a.calibratedMs(),
                        a.measuredMs(), a.ratio()));
            }
            Validation c = v.driftCorrected();
            out.println(f("With the predictions scaled by %.2f (the model's error without the machine's drift): MAPE "
                    + "%.1f%%; within +-10%%: %d of %d; beyond +-20%%: %d; worst %.1f%%; goal %s", v.drift(),
                    c.mapePercent(), Math.round(c.shareWithin10() * c.rows().size()), c.rows().size(), c.beyond20(),
                    c.worstPercent(), c.meetsGoal() ? "met" : "not met"));
        }
    }

    static String validationJson(Validation v, LatencyModel m, Path file, double loadBefore, double loadAfter) {
        ObjectNode root = JSON.createObjectNode();
        root.put("backend", m.profile().backend());
        root.put("precision", m.profile().precision());
        ArrayNode rows = root.putArray("rows");
        for (Validation.Row r : v.rows()) {
            rows.addObject().put("config", r.config().label()).put("family", r.config().family().id())
                    .put("measuredMs", r.measuredMs())
                    .put("predictedMs", r.predictedMs()).put("lowMs", r.lowMs()).put("highMs", r.highMs())
                    .put("errorPercent", r.errorPercent());
            ArrayNode rounds = ((ObjectNode) rows.get(rows.size() - 1)).putArray("roundMediansMs");
            r.roundMediansMs().forEach(rounds::add);
            if (!Double.isNaN(r.roundSpreadPercent())) {
                ((ObjectNode) rows.get(rows.size() - 1)).put("roundSpreadPercent", r.roundSpreadPercent());
            }
        }
        root.put("mapePercent", v.mapePercent());
        root.put("shareWithin10", v.shareWithin10());
        root.put("beyond20", v.beyond20());
        root.put("worstPercent", v.worstPercent());
        root.put("shareInsideBand", v.shareInsideBand());
        root.put("meetsGoal", v.meetsGoal());
        ArrayNode anchors = root.putArray("anchors");
        for (Validation.Anchor a : v.anchors()) {
            anchors.addObject().put("config", a.config().label()).put("family", a.config().family().id())
                    .put("calibratedMs", a.calibratedMs()).put("measuredMs", a.measuredMs()).put("ratio", a.ratio());
        }
        if (!v.anchors().isEmpty()) {
            Validation c = v.driftCorrected();
            root.put("drift", v.drift());
            root.putObject("driftCorrected").put("mapePercent", c.mapePercent())
                    .put("shareWithin10", c.shareWithin10()).put("beyond20", c.beyond20())
                    .put("worstPercent", c.worstPercent()).put("meetsGoal", c.meetsGoal());
        }
        root.put("loadAverageBefore", loadBefore);
        root.put("loadAverageAfter", loadAfter);
        root.set("profile", profile(m, file));
        return root.toPrettyString();
    }

}
