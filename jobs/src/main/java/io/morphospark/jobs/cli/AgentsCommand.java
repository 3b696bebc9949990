package io.morphospark.jobs.cli;

import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.jobs.agents.AgentsRunJob;
import io.morphospark.jobs.agents.AgentsSettings;
import io.morphospark.jobs.es.ConfigDifference;
import io.morphospark.jobs.es.RunResumption;
import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.agents.rules.Communication;
import io.morphospark.models.agents.rules.Decision;
import io.morphospark.models.agents.rules.Movement;
import io.morphospark.models.agents.rules.ParameterSpec;
import io.morphospark.models.agents.rules.Rule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code morphospark agents}: the cell-agent morphogenesis simulator (seed 000; docs/AGENTS.md). */
@Command(name = "agents", mixinStandardHelpOptions = true,
        description = "Cell-agent morphogenesis: movement × decision × communication rules in the seed's scenarios.",
        subcommands = {AgentsCommand.Run.class})
final class AgentsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The rules, scenarios and every parameter with its range and default, for --help. */
    static String catalogue() {
        StringBuilder sb = new StringBuilder("%nRules and their parameters (--param NAME=VALUE):%n");
        sb.append("  common: ");
        AgentAlgorithm.COMMON.forEach(p -> sb.append(p.help()).append("%n"));
        section(sb, "movement", List.of(Movement.values()));
        section(sb, "decision", List.of(Decision.values()));
        section(sb, "communication", List.of(Communication.values()));
        sb.append("%nScenarios (scores in [0, 1]):%n");
        sb.append("  sorting: mean of the normalised homotypic-neighbour fraction and 1 - normalised heterotypic boundary%n");
        sb.append("  pattern_formation: complexity (entropy x disequilibrium) of the final type map%n");
        sb.append("  collective_movement: Vicsek polar order, mean over the last quarter of the steps%n");
        return sb.toString().replace("%n", "\n").replace("%", "%%").replace("\n", "%n");
    }

    private static void section(StringBuilder sb, String kind, List<? extends Rule> rules) {
        sb.append("  ").append(kind).append(":%n");
        for (Rule r : rules) {
            sb.append("    ").append(r.id()).append("%n");
            for (ParameterSpec p : r.parameters()) {
                sb.append("      ").append(p.help()).append("%n");
            }
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Run one algorithm in one scenario: metrics, trajectories and type-map frames in Parquet, "
                    + "a film strip and summary.json in a new run directory.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--movement", defaultValue = "random_walk",
                description = "random_walk, gradient_following, neighbor_attraction, neighbor_repulsion or boundary_following "
                        + "(default: ${DEFAULT-VALUE}).")
        String movement;
        @Option(names = "--decision", defaultValue = "threshold_based",
                description = "threshold_based, probabilistic, learning_based, consensus_based or energy_minimizing "
                        + "(default: ${DEFAULT-VALUE}).")
        String decision;
        @Option(names = "--communication", defaultValue = "none",
                description = "none, local_signaling, global_broadcast, chemical_trails or mechanical_forces "
                        + "(default: ${DEFAULT-VALUE}).")
        String communication;
        @Option(names = "--scenario", defaultValue = "sorting",
                description = "sorting, pattern_formation or collective_movement (default: ${DEFAULT-VALUE}).")
        String scenario;
        @Option(names = "--param", paramLabel = "NAME=VALUE",
                description = "A rule parameter (repeatable); the list below gives names, ranges and defaults.")
        Map<String, Double> params = new LinkedHashMap<>();
        @Option(names = "--out", description = "Run directory to create (must not hold a run).")
        Path out;
        @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue an interrupted run: only the replicates "
                + "without a committed result run again, and the result equals an uninterrupted run. Starts from the run's "
                + "recorded settings; any other option given must equal them (the error names the fields that differ).")
        Path resume;
        @Option(names = "--seed", defaultValue = "0", description = "Run seed (default: ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--agents", defaultValue = "400", description = "Agents N (default: ${DEFAULT-VALUE}).")
        int agents;
        @Option(names = "--density", defaultValue = "2.0",
                description = "Agents per radius² when --side is not given (default: ${DEFAULT-VALUE}).")
        double density;
        @Option(names = "--side", defaultValue = "0", description = "Side of the square domain (default: from the density).")
        double side;
        @Option(names = "--radius", defaultValue = "1.0", description = "Interaction radius R (default: ${DEFAULT-VALUE}).")
        double radius;
        @Option(names = "--core", defaultValue = "0.4",
                description = "Core diameter as a fraction of R (default: ${DEFAULT-VALUE}).")
        double core;
        @Option(names = "--walled", description = "Reflecting walls instead of a torus.")
        boolean walled;
        @Option(names = "--type-fractions", split = ",", defaultValue = "0.5,0.5",
                description = "Fractions of types A,B[,C] (default: ${DEFAULT-VALUE}).")
        double[] typeFractions;
        @Option(names = "--division", description = "Energy budget on: agents take up the resource field, divide and die.")
        boolean division;
        @Option(names = "--max-agents", defaultValue = "0", description = "Population cap with --division (default: 4 × agents).")
        int maxAgents;
        @Option(names = "--steps", defaultValue = "300", description = "Steps (default: ${DEFAULT-VALUE}).")
        int steps;
        @Option(names = "--stride", defaultValue = "10",
                description = "Trajectories and frames every this many steps (default: ${DEFAULT-VALUE}).")
        int stride;
        @Option(names = "--pixels", defaultValue = "0", description = "Side of the type map (default: √agents).")
        int pixels;
        @Option(names = "--replicates", defaultValue = "1",
                description = "Replicates, one Spark task each (default: ${DEFAULT-VALUE}).")
        int replicates;
        @Option(names = "--partitions", defaultValue = "0",
                description = "Spark partitions over the replicates (default: one per core).")
        int partitions;
        @Mixin
        SparkOptions spark;

        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Spec
        void spec(CommandLine.Model.CommandSpec spec) {
            this.spec = spec;
            spec.usageMessage().footer(catalogue());
        }

        @Override
        public Integer call() {
            if (out == null && resume == null) { // the same usage error (exit 1) as every command's missing --out
                throw new CommandLine.MissingParameterException(spec.commandLine(), spec.findOption("--out"),
                        "Missing required option: '--out=<out>' (or --resume RUN_DIR)");
            }
            if (out != null && resume != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one of --out and --resume");
            }
            AgentsSettings s = settings();
            if (resume != null) {
                AgentsSettings recorded = resumable(s);
                spark.withSession("morphospark-agents", session -> new AgentsRunJob(session, recorded, System.out).resume(resume));
                return ExitCodes.OK;
            }
            s.validate(); // before Spark starts
            RunDirectory.requireAvailable(out);
            spark.withSession("morphospark-agents", session -> new AgentsRunJob(session, s, System.out).run(out));
            return ExitCodes.OK;
        }

        /**
         * The recorded settings of the run to resume, after checking that every run option given on
         * the command line equals them (a resumed run must be the run that was started).
         */
        private AgentsSettings resumable(AgentsSettings given) {
            AgentsSettings recorded = AgentsRunJob.recorded(resume);
            if (RunDirectory.isFinished(resume)) { // refused before Spark starts
                throw new BadInputException("run " + RunDirectory.targetOf(resume)
                        + " has already finished; nothing to resume");
            }
            java.util.Set<String> fields = new java.util.HashSet<>();
            for (CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
                String field = o.longestName().substring(2).replace('-', '_');
                fields.add(field.equals("param") ? "params" : field);
            }
            RunResumption.refuseDifferences(resume, ConfigDifference.between(RunResumption.recordedConfig(resume), given)
                    .stream().filter(d -> fields.contains(d.substring(0, d.indexOf(':')).split("\\.")[0])).toList(), "");
            return recorded;
        }

        /** The run's settings from the options (defaults where not given). */
        private AgentsSettings settings() {
            AgentsSettings s = new AgentsSettings();
            s.movement = movement;
            s.decision = decision;
            s.communication = communication;
            s.scenario = scenario;
            s.params = new LinkedHashMap<>(params);
            s.seed = seed;
            s.agents = agents;
            s.density = density;
            s.side = side;
            s.radius = radius;
            s.core = core;
            s.walled = walled;
            s.typeFractions = typeFractions;
            s.division = division;
            s.maxAgents = maxAgents;
            s.steps = steps;
            s.stride = stride;
            s.pixels = pixels;
            s.replicates = replicates;
            s.partitions = partitions;
            return s;
        }
    }
}
