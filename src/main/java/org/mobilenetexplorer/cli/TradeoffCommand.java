package org.mobilenetexplorer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mobilenetexplorer.accuracy.AccuracyEstimator;
import org.mobilenetexplorer.io.Decimals;
import org.mobilenetexplorer.model.InvalidConfigException;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.tradeoff.Candidate;
import org.mobilenetexplorer.tradeoff.CostAxis;
import org.mobilenetexplorer.tradeoff.IsoCost;
import org.mobilenetexplorer.tradeoff.LatencyTable;
import org.mobilenetexplorer.tradeoff.OutputFormat;
import org.mobilenetexplorer.tradeoff.TradeoffAnalysis;
import org.mobilenetexplorer.tradeoff.TradeoffFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tradeoff}: the cost/accuracy table with the Pareto front, and iso-cost queries. */
@Command(name = "tradeoff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Join computed cost (MACs, params), measured latency and accuracy (one source) for a preset's"
                + " configurations; mark the Pareto front (max accuracy, min cost).",
            "With --iso-cost A-R: the configurations within +-TOLERANCE%% of A-R's cost, most accurate first."})
public final class TradeoffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TradeoffOptions options;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--iso-cost", paramLabel = "ALPHA-RES",
            description = "Reference configuration, e.g. 0.75-224: list what costs the same (on --x) within --tolerance.")
    String isoCost;

    @Option(names = "--tolerance", paramLabel = "PCT", defaultValue = "10",
            description = "Iso-cost tolerance in percent. Default: ${DEFAULT-VALUE}.")
    double tolerancePct;

    @Option(names = "--alphas", paramLabel = "LIST", split = ",",
            description = "Iso-cost candidate alphas (with --resolutions; added to the preset). Default: 0.25 to 1.0"
                    + " step 0.05.")
    List<Double> alphas;

    @Option(names = "--resolutions", paramLabel = "LIST", split = ",",
            description = "Iso-cost candidate resolutions. Default: 128,160,192,224.")
    List<Integer> resolutions;

    @Override
    public Integer call() {
        OutputFormat fmt;
        try {
            fmt = OutputFormat.fromId(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format " + format + ": " + e.getMessage());
        }
        CostAxis axis = options.axis();
        if (options.seriesRequested() && isoCost == null) {
            return series(fmt);
        }
        AccuracyEstimator estimator = options.estimator();
        LatencyTable latency = options.latency(axis == CostAxis.LATENCY);
        TradeoffOptions.requireLatency(axis, latency);
        PrintWriter out = spec.commandLine().getOut();
        if (isoCost == null) {
            TradeoffAnalysis a = TradeoffAnalysis.of(options.candidates(true), estimator, latency, axis);
            out.print(switch (fmt) {
                case TABLE -> TradeoffFormat.table(a);
                case CSV -> TradeoffFormat.csv(a);
                case JSON -> TradeoffFormat.json(a);
            });
            out.flush();
            return 0;
        }
        return isoCost(out, fmt, axis, estimator, latency);
    }

    /** --device / --precision fp32,int8 / --fill-predicted: one table (or one JSON entry) per series. */
    private int series(OutputFormat fmt) {
        List<String> notes = new ArrayList<>();
        List<org.mobilenetexplorer.tradeoff.LatencySeries> series = options.series(options.candidates(true), notes);
        if (series.isEmpty()) {
            throw new UserInputException("--x latency: no series to show (" + String.join("; ", notes) + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (fmt == OutputFormat.JSON) {
            out.print(TradeoffFormat.json(series));
        } else {
            for (var s : series) {
                out.println((fmt == OutputFormat.CSV ? "# " : "== ") + s.name() + " (" + s.kind().id() + ", "
                        + s.precision().id() + ")");
                out.print(fmt == OutputFormat.CSV ? TradeoffFormat.csv(s.analysis()) : TradeoffFormat.table(s.analysis()));
            }
            notes.forEach(n -> out.println((fmt == OutputFormat.CSV ? "# " : "") + "note: " + n));
        }
        out.flush();
        return 0;
    }

    private int isoCost(PrintWriter out, OutputFormat fmt, CostAxis axis, AccuracyEstimator estimator,
                        LatencyTable latency) {
        MobileNetConfig ref = parseReference(isoCost);
        if (!(tolerancePct >= 0 && tolerancePct <= 100)) {
            throw new ParameterException(spec.commandLine(), "--tolerance " + tolerancePct + ": must be in 0..100");
        }
        List<Candidate> preset = options.candidates(false);
        MobileNetConfig base = preset.isEmpty() ? ref : preset.get(0).config().withAlpha(ref.alpha())
                .withResolution(ref.resolution());
        ref = base;
        List<Double> as = alphas != null ? OptionLimits.nonEmpty("--alphas", alphas) : defaultAlphas();
        OptionLimits.nonEmpty("--resolutions", resolutions);
        List<Integer> rs = resolutions != null ? resolutions : List.of(128, 160, 192, 224);
        OptionLimits.configurations(OptionLimits.values("--alphas", as) + " x "
                + OptionLimits.values("--resolutions", rs), OptionLimits.product(as.size(), rs.size()));
        List<Candidate> cands = new ArrayList<>(preset);
        try {
            cands.add(new Candidate(ref));
            cands.addAll(IsoCost.grid(ref, as, rs));
        } catch (InvalidConfigException e) {
            throw new ParameterException(spec.commandLine(), "--alphas/--resolutions: " + e.getMessage());
        }
        LinkedHashSet<MobileNetConfig> seen = new LinkedHashSet<>();
        cands.removeIf(c -> !seen.add(c.config()));
        TradeoffAnalysis a = TradeoffAnalysis.of(cands, estimator, latency, axis);
        IsoCost.Result r;
        try {
            r = IsoCost.query(a, ref, axis, tolerancePct / 100);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--iso-cost " + isoCost + ": " + e.getMessage(), e);
        }
        if (fmt == OutputFormat.TABLE) {
            out.printf(Locale.ROOT, "Reference %s: %s = %.2f %s, %s %s%n", r.reference().label(), axis.id(),
                    r.reference().cost(axis), axis.unit(), a.metric().id(), accuracyText(r.reference()));
            out.printf(Locale.ROOT, "Within +-%.0f%% (%d of %d candidates), most accurate first (accuracy: %s):%n",
                    tolerancePct, r.matches().size(), a.points().size() - 1, a.source().id());
            for (IsoCost.Match m : r.matches()) {
                out.printf(Locale.ROOT, "  %-12s %10.2f %s (%+5.1f%%)  %s %s%n", m.point().label(),
                        m.point().cost(axis), axis.unit(), m.relativeCost() * 100, a.metric().id(),
                        accuracyText(m.point()));
            }
            if (axis == CostAxis.MACS) {
                out.println("Alpha with the same MACs at each resolution (cost model, alpha to 0.001):");
                for (int res : rs) {
                    MobileNetConfig c = IsoCost.alphaForMacs(ref, res, r.reference().macs());
                    if (c == null) {
                        out.printf(Locale.ROOT, "  %4d px: none in alpha 0.001..4%n", res);
                    } else {
                        long macs = NetworkStats.of(c).totals().macs();
                        out.printf(Locale.ROOT, "  %4d px: alpha %s (%.2fM MACs, %+.2f%%), %s %s%n", res,
                                MobileNetConfig.fmt(c.alpha()), macs / 1e6,
                                (macs / (double) r.reference().macs() - 1) * 100, a.metric().id(),
                                accuracyText(estimator, c));
                    }
                }
            }
            out.println("Estimator on " + a.source().id() + ": " + a.estimatorModels());
        } else {
            TradeoffAnalysis matches = TradeoffAnalysis.of(r.matches().stream().map(m -> m.point().candidate())
                    .toList(), estimator, latency, axis);
            out.print(fmt == OutputFormat.CSV ? TradeoffFormat.csv(matches) : TradeoffFormat.json(matches));
        }
        out.flush();
        return 0;
    }

    private static String accuracyText(org.mobilenetexplorer.tradeoff.TradeoffPoint p) {
        return p.accuracy().present() ? String.format(Locale.ROOT, "%.1f%% %s", p.accuracy().value(),
                p.accuracy().flag()).trim() : "n/a";
    }

    private static String accuracyText(AccuracyEstimator e, MobileNetConfig c) {
        var acc = e.estimate(c);
        return acc.present() ? String.format(Locale.ROOT, "%.1f%% %s", acc.value(), acc.flag()).trim() : "n/a";
    }

    private static List<Double> defaultAlphas() {
        List<Double> out = new ArrayList<>();
        for (int i = 25; i <= 100; i += 5) {
            out.add(i / 100.0);
        }
        return out;
    }

    private MobileNetConfig parseReference(String s) {
        String[] parts = s.trim().split("[-_/x@ ]");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            Double alpha = Decimals.parse(parts[0]);
            if (alpha == null) {
                throw new NumberFormatException();
            }
            return new MobileNetConfig(alpha, Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--iso-cost " + s
                    + ": expected ALPHA-RESOLUTION, e.g. 0.75-224");
        } catch (InvalidConfigException e) {
            throw new ParameterException(spec.commandLine(), "--iso-cost " + s + ": " + e.getMessage());
        }
    }
}
