package org.mobilenetexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.preset.Preset;
import org.mobilenetexplorer.preset.PresetException;
import org.mobilenetexplorer.preset.PresetLoader;
import org.mobilenetexplorer.preset.Presets;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.report.LabelledStats;
import org.mobilenetexplorer.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code analyze}: the exact per-layer cost of one configuration, or one summary row per preset configuration. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Per-layer MACs, params, batch-norm params and activation memory of one MobileNet"
                + " configuration (v1, v2, v3-large, v3-small), with the published figures beside ours; or, with"
                + " --preset, one row per configuration.", ""},
        footer = {"", "Examples:", "  analyze --alpha 0.75 --resolution 192",
                "  analyze --family v2 --alpha 1.4 --resolution 224",
                "  analyze --family v3-small --minimalistic --classes 1001 --format csv",
                "  analyze --alpha 1.0 --resolution 224 --format json",
                "  analyze --preset presets/slim-grid-16.json", "  analyze --preset teaching-demo   (bundled)"})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--preset", paramLabel = "FILE",
            description = "Analyze every configuration of a preset JSON file (or a bundled preset by name: "
                    + "teaching-demo, paper-table6-width, paper-table7-resolution, paper-table4-5-structure, "
                    + "slim-grid-16, tf-slim-mobilenets, v2-grid, v3).")
    String preset;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "Output format: table (120 columns), csv (exact integers), json. Default: ${DEFAULT-VALUE}.")
    ReportFormat format;

    @Override
    public Integer call() {
        PublishedData published = PublishedData.bundled();
        PrintWriter out = spec.commandLine().getOut();
        if (preset != null) {
            if (configOptions.anyGiven()) {
                throw new ParameterException(spec.commandLine(),
                        "--preset " + preset + ": cannot be combined with configuration options (--alpha, ...)");
            }
            Preset p = loadPreset(preset);
            List<LabelledStats> rows = p.configs().stream()
                    .map(e -> new LabelledStats(e.displayLabel(), NetworkStats.of(e.config()))).toList();
            String title = p.name() + (p.source().isEmpty() ? "" : " (" + p.source() + ")");
            out.print(format.renderSummary(title, rows, published));
        } else {
            out.print(format.render(NetworkStats.of(configOptions.toConfig()), published));
        }
        out.flush();
        return 0;
    }

    /** A file path, or the name of a bundled preset (with or without {@code .json}) when no such file exists. */
    static Preset loadPreset(String preset) {
        Path file = Path.of(preset);
        try {
            if (!Files.exists(file)) {
                String name = preset.endsWith(".json") ? preset : preset + ".json";
                if (Presets.BUNDLED_FILES.contains(name)) {
                    return Presets.bundled(name);
                }
            }
            return PresetLoader.load(file);
        } catch (PresetException e) {
            throw new UserInputException("--preset " + e.getMessage(), e);
        }
    }
}
