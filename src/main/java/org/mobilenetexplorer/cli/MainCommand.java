package org.mobilenetexplorer.cli;

import java.io.PrintWriter;
import org.mobilenetexplorer.report.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level command. Each subcommand is one class in this package; register it in {@code subcommands}.
 * Bad input prints one line naming the option and the value and exits with 2, without a stack trace.
 */
@Command(name = "mobilenet-explorer", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Explore what MobileNet v1's width multiplier (alpha) and resolution multiplier (rho) cost.",
        subcommands = {
            CommandLine.HelpCommand.class,
            AnalyzeCommand.class,
            ExportOnnxCommand.class,
            VerifyCommand.class,
            BenchCommand.class,
            SweepCommand.class,
            TradeoffCommand.class,
            ChartCommand.class,
            CalibrateCommand.class,
            PredictCommand.class,
            ImportResultsCommand.class,
        })
public final class MainCommand implements Runnable {

    /** slf4j-simple's level property (DL4J and ND4J log through slf4j). */
    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** How backends are run (worker JVMs; tests give their own). */
    Workers workers = Workers.REAL;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Also print the libraries' INFO log lines (DL4J, ND4J) on stderr; warnings always show.")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try --help)");
    }

    /** Builds the configured command line (also used by tests, with their own writers). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, Workers.REAL);
    }

    /** The command line with {@code workers} running the backends (tests). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Workers workers) {
        MainCommand main = new MainCommand();
        main.workers = workers;
        CommandLine cl = new CommandLine(main);
        // everything a command prints goes through the terminal-safe writer: text from files cannot control the terminal
        cl.setOut(new TerminalText.SafePrintWriter(out, true));
        cl.setErr(new TerminalText.SafePrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(Double.class, new DecimalConverter()); // every command: plain decimals only
        cl.registerConverter(double.class, new DecimalConverter());
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF)); // no escapes to filter
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandName() + ": " + ex.getMessage());
            c.getErr().flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof UserInputException u) {
                c.getErr().println(c.getCommandName() + ": " + u.getMessage());
                c.getErr().flush();
                return 2;
            }
            throw ex;
        });
        return cl;
    }

    /** Runs the command line on stdout/stderr and returns the exit code. */
    public static int run(String... args) {
        String level = logLevel(args, System.getProperty(LOG_LEVEL_PROPERTY));
        System.setProperty(LOG_LEVEL_PROPERTY, level); // before the first logger exists
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        return commandLine(out, err).execute(args);
    }

    /**
     * The library log level for a command line: {@code warn} (stderr keeps what the user needs), {@code info}
     * with {@code --verbose}; a level set with {@code -D} on the java command line wins.
     */
    static String logLevel(String[] args, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--verbose")) {
                return "info";
            }
        }
        return "warn";
    }
}
