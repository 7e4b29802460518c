package org.mobilenetexplorer.tradeoff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mobilenetexplorer.accuracy.AccuracyEstimator;
import org.mobilenetexplorer.bench.BenchmarkResult;
import org.mobilenetexplorer.bench.Device;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Precision;
import org.mobilenetexplorer.published.FamilyLatency;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.published.PublishedLatency;

/**
 * Composes the series of a latency trade-off chart: device x precision x kind, one {@link LatencySeries} each, never
 * mixed. Measured series come from result files (one per device and precision); predicted series fill only the
 * configurations a device's measured series lacks, from its device profile; published series are reference devices
 * ({@code published, Pixel 1}) from TF-Slim's and the papers' phone tables. Each precision takes its own accuracy
 * source (INT8 a quantized one), so an FP32 accuracy never silently sits beside an INT8 latency.
 */
public final class SeriesComposer {
    /** The prefix of a published reference device's name. */
    public static final String PUBLISHED_PREFIX = "published, ";

    private SeriesComposer() {
    }

    /** Predicts latencies for the device of one device profile (the predict package adapts itself to this). */
    public interface Predictor {
        /** The label of the device the profile was calibrated on. */
        String device();

        /** The predicted latency of {@code config} at {@code precision}, empty when the profile cannot predict it. */
        Optional<MeasuredLatency> predict(MobileNetConfig config, Precision precision);
    }

    /**
     * What to chart.
     *
     * @param devices       measured devices to show (empty: every device in the results)
     * @param precisions    precisions to show (FP32 and INT8 together are linked on the chart)
     * @param fillPredicted add a predicted series for the predictor's device
     * @param published     reference devices to show ({@code Pixel 1}, ...; see {@link #publishedDevices})
     */
    public record Request(List<Device> devices, List<Precision> precisions, boolean fillPredicted,
                          List<String> published) {
        public Request {
            devices = List.copyOf(devices);
            precisions = List.copyOf(new LinkedHashSet<>(precisions));
            published = List.copyOf(published);
            if (precisions.isEmpty()) {
                throw new IllegalArgumentException("precisions: at least one");
            }
        }

        /** Every measured device, FP32 only, nothing predicted or published: the chart as before. */
        public static Request measuredFp32() {
            return new Request(List.of(), List.of(Precision.FP32), false, List.of());
        }
    }

    /**
     * The series for {@code request}.
     *
     * @param results   every result of the results folder (all devices, backends, precisions)
     * @param backend   the backend (null when the results hold one)
     * @param accuracy  the accuracy estimator of each precision
     * @param predictor null when there is no device profile (a note says so when predictions were asked for)
     * @param notes     receives what was left out and why
     */
    public static List<LatencySeries> compose(List<Candidate> candidates, List<BenchmarkResult> results, Path dir,
                                              String backend, Request request,
                                              Function<Precision, AccuracyEstimator> accuracy, Predictor predictor,
                                              PublishedData published, List<String> notes) {
        List<LatencySeries> out = new ArrayList<>();
        List<Device> devices = request.devices().isEmpty() ? LatencyTable.devices(results) : request.devices();
        boolean manyDevices = devices.size() > 1;
        for (Device d : devices) {
            for (Precision p : request.precisions()) {
                LatencyTable t = LatencyTable.of(results, dir, backend, p, d, List.of());
                if (t.isEmpty()) {
                    notes.add("no " + p.id() + " results of " + d.label() + (backend == null ? "" : " on " + backend));
                    continue;
                }
                // the first device's labels stay bare; others get a short device name, INT8 gets "int8"
                String tag = String.join(" ", nonEmpty(manyDevices && !d.equals(devices.get(0)) ? shortDevice(d) : "",
                        p == Precision.INT8 ? "int8" : ""));
                out.add(new LatencySeries(d.label() + " \u00b7 " + p.name() + " measured", tag, d.label(), p,
                        LatencyKind.MEASURED, TradeoffAnalysis.of(candidates, accuracy.apply(p), t,
                        CostAxis.LATENCY)));
            }
        }
        if (request.fillPredicted()) {
            if (predictor == null) {
                notes.add("no device profile for " + (backend == null ? "this backend" : backend)
                        + ": nothing predicted (run calibrate first)");
            } else {
                for (Precision p : request.precisions()) {
                    predicted(candidates, p, predictor, out, accuracy, notes);
                }
            }
        }
        Set<Family> families = new LinkedHashSet<>();
        candidates.forEach(c -> families.add(c.config().family()));
        for (String name : request.published()) {
            LatencySeries s = published(name, families, published, accuracy.apply(Precision.FP32));
            if (s == null) {
                notes.add("no published float latencies of " + name + " for "
                        + families.stream().map(Family::id).toList());
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static List<String> nonEmpty(String... parts) {
        return java.util.Arrays.stream(parts).filter(s -> !s.isEmpty()).toList();
    }

    /** A short name of a device for point labels: the CPU model's last word with a digit ({@code 9R45}, {@code A76}). */
    static String shortDevice(Device d) {
        String[] words = d.cpu().split("[\\s,]+");
        for (int i = words.length - 1; i >= 0; i--) {
            if (words[i].chars().anyMatch(Character::isDigit) && words[i].length() <= 14) {
                return words[i];
            }
        }
        return d.cpu().length() <= 14 ? d.cpu() : d.cpu().substring(0, 13) + "\u2026";
    }

    private static void predicted(List<Candidate> candidates, Precision p, Predictor predictor,
                                  List<LatencySeries> out, Function<Precision, AccuracyEstimator> accuracy,
                                  List<String> notes) {
        LatencySeries measured = out.stream().filter(s -> s.kind() == LatencyKind.MEASURED && s.precision() == p
                && s.device().equals(predictor.device())).findFirst().orElse(null);
        Map<MobileNetConfig, MeasuredLatency> values = new LinkedHashMap<>();
        List<Candidate> unmeasured = new ArrayList<>();
        int refused = 0;
        for (Candidate c : candidates) {
            if (measured != null && measured.analysis().latency().latency(c.config()).isPresent()) {
                continue; // measured points are never replaced by predictions
            }
            Optional<MeasuredLatency> l = predictor.predict(c.config(), p);
            if (l.isPresent()) {
                values.put(c.config(), l.get());
                unmeasured.add(c);
            } else {
                refused++;
            }
        }
        if (refused > 0) {
            notes.add(refused + " unmeasured configuration(s) not predicted at " + p.id() + " (the device profile"
                    + " cannot: see predict)");
        }
        if (values.isEmpty()) {
            return;
        }
        LatencyTable t = LatencyTable.of(LatencyKind.PREDICTED, values.values().iterator().next().backend(), p,
                values, List.of());
        String tag = String.join(" ", nonEmpty(p == Precision.INT8 ? "int8" : "", "pred."));
        out.add(new LatencySeries(predictor.device() + " \u00b7 " + p.name() + " predicted", tag,
                predictor.device(), p, LatencyKind.PREDICTED, TradeoffAnalysis.of(unmeasured, accuracy.apply(p), t,
                CostAxis.LATENCY)));
    }

    /**
     * The reference devices with published float phone latencies (TF-Slim's and the papers' Pixel columns, TFLite on
     * the CPU): {@code Pixel 1}, {@code Pixel 2}, {@code Pixel 3}, ...
     */
    public static List<String> publishedDevices(PublishedData data) {
        Set<String> out = new java.util.TreeSet<>();
        for (PublishedLatency l : data.latencies()) {
            if (v1Row(l)) {
                out.add(FamilyLatency.deviceName(l.device()));
            }
        }
        for (FamilyLatency l : data.familyLatencies()) {
            if (familyRow(l)) {
                out.add(FamilyLatency.deviceName(l.device()));
            }
        }
        return List.copyOf(out);
    }

    private static boolean v1Row(PublishedLatency l) {
        return l.alpha() != null && l.resolution() != null && "float32".equals(l.precision())
                && (l.runtime().equals("TFLite") || l.runtime().equals("TFLite CPU"))
                && !l.device().contains("UNVERIFIED");
    }

    private static boolean familyRow(FamilyLatency l) {
        return l.family() != null && l.alpha() != null && l.resolution() != null && "float32".equals(l.precision());
    }

    /** The published series of reference device {@code name} for {@code families}, or null when it has none. */
    static LatencySeries published(String name, Set<Family> families, PublishedData data, AccuracyEstimator acc) {
        String device = FamilyLatency.deviceName(name.startsWith(PUBLISHED_PREFIX)
                ? name.substring(PUBLISHED_PREFIX.length()) : name);
        String label = PUBLISHED_PREFIX + device;
        Map<MobileNetConfig, MeasuredLatency> values = new LinkedHashMap<>();
        List<Candidate> cands = new ArrayList<>();
        if (families.contains(Family.V1)) {
            for (PublishedLatency l : data.latencies()) {
                if (v1Row(l) && FamilyLatency.deviceName(l.device()).equalsIgnoreCase(device)) {
                    add(values, cands, new MobileNetConfig(l.alpha(), l.resolution()).withClasses(1001), l.latencyMs(),
                            l.runtime() + (l.settings().isBlank() ? "" : ", " + l.settings()), device, l.sourceText(),
                            label);
                }
            }
        }
        for (FamilyLatency l : data.familyLatencies()) {
            if (familyRow(l) && families.contains(l.family())
                    && FamilyLatency.deviceName(l.device()).equalsIgnoreCase(device)) {
                add(values, cands, MobileNetConfig.of(l.family(), l.alpha(), l.resolution()).withClasses(1001)
                        .withMinimalistic(l.minimalistic()), l.latencyMs(), l.runtime()
                        + (l.settings().isBlank() ? "" : ", " + l.settings()), device, l.sourceText(), label);
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        LatencyTable t = LatencyTable.of(LatencyKind.PUBLISHED, "published", Precision.FP32, values,
                List.of("published latencies of " + device + ": not measured here"));
        return new LatencySeries(label, device, label, Precision.FP32, LatencyKind.PUBLISHED,
                TradeoffAnalysis.of(cands, acc, t, CostAxis.LATENCY));
    }

    private static void add(Map<MobileNetConfig, MeasuredLatency> values, List<Candidate> cands, MobileNetConfig c,
                            double ms, String runtime, String device, String source, String label) {
        if (values.containsKey(c)) {
            return; // one published value per configuration: the first document's
        }
        values.put(c, new MeasuredLatency(ms, "published", runtime + " on " + device + " (published)",
                device, source, true, List.of(), LatencyKind.PUBLISHED, label));
        cands.add(new Candidate(c, c.withClasses(1000).label()));
    }

    /** {@code published, Pixel 1} or a device's label matches {@code selector} (case-insensitive, substring). */
    public static boolean matches(String label, String selector) {
        return label.toLowerCase(Locale.ROOT).contains(selector.strip().toLowerCase(Locale.ROOT));
    }
}
