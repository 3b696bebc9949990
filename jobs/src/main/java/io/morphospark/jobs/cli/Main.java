package io.morphospark.jobs.cli;

import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.DirectoryLock;
import io.morphospark.datasets.run.ProjectVersion;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code morphospark} command: one entry point, a sub-command per job. It owns what every
 * command shares: exit codes ({@link ExitCodes}), one-line messages for the user's failures, the
 * release of output locks when a command ends, a one-line note when a signal stops a command, and
 * the quiet console ({@code --verbose} brings Spark's log back).
 */
@Command(name = "morphospark", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Morphogenesis research at cluster scale on Apache Spark.",
        subcommands = {EsCommand.class, NcaCommand.class, GenerateCommand.class, DatasetCommand.class, AgentsCommand.class,
            DiscoverCommand.class, ClassifierCommand.class, SweepCommand.class, RunsCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** True while a command runs: a shutdown then is a signal (or a kill of the JVM), not the end of the command. */
    private static volatile boolean running;
    private static volatile boolean interrupted;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Main::onShutdown, "morphospark-interrupted"));
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show Spark's, Hadoop's and ND4J's log "
            + "(INFO and WARN lines); by default only MorphoSpark's progress, results and errors are shown.")
    void verbose(boolean on) {
        if (on) {
            Configurator.setRootLevel(Level.INFO);
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (what tests and in-process callers use). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        showDefaults(cli);
        cli.setParameterExceptionHandler(Main::parameterError);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> executionError(e, cmd.getErr()));
        running = true;
        try {
            return cli.execute(args);
        } finally {
            running = false;
            DirectoryLock.releaseAll(); // the end of the command ends its claim on every output
        }
    }

    /** Every option's default in every command's --help, set once for the whole tree. */
    private static void showDefaults(CommandLine cli) {
        cli.getCommandSpec().usageMessage().showDefaultValues(true);
        cli.getSubcommands().values().forEach(Main::showDefaults);
    }

    /**
     * SIGTERM or SIGINT (Ctrl-C) while a command runs: the JVM exits with 143 or 130 after the
     * hooks; what was checkpointed or committed stays, and one line says how to go on.
     */
    private static void onShutdown() {
        if (!running) {
            return;
        }
        interrupted = true;
        // Spark's own hooks stop the context under the running job; what its threads then log is noise
        Configurator.setAllLevels(org.apache.logging.log4j.LogManager.ROOT_LOGGER_NAME, Level.OFF);
        String kept = DirectoryLock.held().stream().map(l -> l.what() + ": " + l.interruptedHint())
                .collect(Collectors.joining("; "));
        System.err.println("morphospark: interrupted" + (kept.isEmpty() ? "" : "; " + kept));
        System.err.flush();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int parameterError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("morphospark: error: " + e.getMessage());
        boolean usage = e instanceof CommandLine.UnmatchedArgumentException
                || e instanceof CommandLine.MissingParameterException;
        if (usage) {
            err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        return usage ? ExitCodes.USAGE : ExitCodes.BAD_INPUT;
    }

    private static int executionError(Exception e, PrintWriter err) {
        if (interrupted) {
            return ExitCodes.INTERRUPTED; // the shutdown hook has said what happened; the JVM is exiting
        }
        if (e instanceof CommandLine.ParameterException p) {
            return parameterError(p, new String[0]);
        }
        BadInputException bad = findBadInput(e);
        if (bad != null) {
            err.println("morphospark: error: " + bad.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        String storage = storageFailure(e);
        if (storage != null) {
            err.println("morphospark: error: " + storage);
            return ExitCodes.BAD_INPUT;
        }
        err.println("morphospark: internal error: " + e);
        e.printStackTrace(err);
        return ExitCodes.INTERNAL;
    }

    private static BadInputException findBadInput(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BadInputException b) {
                return b;
            }
        }
        return null;
    }

    /**
     * The output location's failures are the user's to fix (a full disk, a read-only or unwritable
     * place, a file where a directory should be), wherever in Spark or Parquet they surface: one
     * line naming the cause, with what was kept for a re-run.
     */
    static String storageFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String message = String.valueOf(c.getMessage());
            String lower = message.toLowerCase(Locale.ROOT);
            String cause = lower.contains("no space left on device") ? "no space left on device"
                    : lower.contains("disk quota exceeded") ? "disk quota exceeded"
                    : lower.contains("read-only file system") ? "read-only file system"
                    : c instanceof AccessDeniedException ? "permission denied"
                    : c instanceof NotDirectoryException || lower.contains("not a directory") ? "not a directory"
                    : null;
            if (cause != null) {
                String where = c instanceof FileSystemException f && f.getFile() != null && !(c instanceof NoSuchFileException)
                        ? " (" + f.getFile() + ")" : "";
                String kept = DirectoryLock.held().stream().map(l -> l.what() + ": " + l.interruptedHint())
                        .collect(Collectors.joining("; "));
                return "the file system refused: " + cause + where + (kept.isEmpty() ? "" : "; " + kept);
            }
        }
        return null;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"morphospark " + ProjectVersion.get()};
        }
    }
}
