package org.mobilenetexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mobilenetexplorer.devices.ResultsImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import-results DIR|ZIP}: merges another machine's results and device profiles into the results folder. */
@Command(name = "import-results", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Merge another machine's benchmark results and device profiles (its results folder, or a ZIP of"
                + " it) into --results. Each result keeps its environment record, so each machine is a device of its"
                + " own in tradeoff, chart and the GUI; other machines' profiles go to device-profiles/imported/.",
            "Duplicates are recognised and skipped, corrupt or foreign files are named and skipped, nothing is"
                + " overwritten. Exit 0 when every file was imported or a duplicate, 1 when a file was skipped."})
public final class ImportResultsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ResultsOption results;

    @Parameters(index = "0", paramLabel = "DIR|ZIP", description = "Another machine's results folder, or a .zip of it.")
    Path source;

    @Override
    public Integer call() {
        Path dir = results.directory();
        ResultsImport.Report report;
        try {
            report = ResultsImport.run(source, dir);
        } catch (ResultsImport.ImportException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (ResultsImport.Item i : report.items()) {
            out.println(i);
        }
        out.println("import-results: " + report.summary() + " (from " + source + " into " + dir + ")");
        out.flush();
        return report.count(ResultsImport.Outcome.SKIPPED) > 0 ? 1 : 0;
    }
}
