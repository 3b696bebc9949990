package io.morphospark.jobs.cli;

import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.ProjectVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code morphospark} command: one entry point, a sub-command per job. */
@Command(name = "morphospark", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Morphogenesis research at cluster scale on Apache Spark.",
        subcommands = {EsCommand.class, NcaCommand.class, GenerateCommand.class, DatasetCommand.class, BenchCommand.class, AgentsCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (what tests and in-process callers use). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler(Main::parameterError);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> executionError(e, cmd.getErr()));
        return cli.execute(args);
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
        BadInputException bad = findBadInput(e);
        if (bad != null) {
            err.println("morphospark: error: " + bad.getMessage());
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

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"morphospark " + ProjectVersion.get()};
        }
    }
}
