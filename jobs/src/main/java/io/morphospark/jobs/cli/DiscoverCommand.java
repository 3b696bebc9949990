package io.morphospark.jobs.cli;

import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.jobs.discover.DiscoverJob;
import io.morphospark.jobs.discover.DiscoverSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code morphospark discover}: automated discovery of morphogenetic algorithms (docs/DISCOVERY.md). */
@Command(name = "discover", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Search rule triples (movement x decision x communication) and their parameters for algorithms "
                + "that do well in the seed's scenarios: exhaustive table, the seed's GA, or MAP-Elites with a "
                + "Parquet archive. Each generation is one Spark stage over (candidate x scenario x replicate block).")
final class DiscoverCommand implements Callable<Integer> {
    @Option(names = "--out", description = "Run directory to create (must not hold a run).")
    Path out;
    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue an interrupted run from its last "
            + "checkpoint (bit-identical to an uninterrupted one). Starts from the run's recorded configuration; "
            + "other options given must equal it, except a larger --generations.")
    Path resume;
    @Option(names = "--search", defaultValue = "map-elites", description = "exhaustive (all 125 triples at default "
            + "parameters), ga (the seed's loop, parameters mutate too) or map-elites (default: ${DEFAULT-VALUE}).")
    String search;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of the search's draws (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--evaluation-seed", defaultValue = "0", description = "Seed of the replicate worlds every "
            + "candidate runs in, the same for all candidates and searches, so runs with other --seed values and the "
            + "exhaustive table compare on equal terms (default: ${DEFAULT-VALUE}).")
    long evaluationSeed;
    @Option(names = "--generations", defaultValue = "20", description = "Generations (default: ${DEFAULT-VALUE}); "
            + "exhaustive stops when every triple is evaluated.")
    int generations;
    @Option(names = "--population", defaultValue = "50", description = "GA population; MAP-Elites' random initial "
            + "population; exhaustive: triples per generation (default: ${DEFAULT-VALUE}).")
    int population;
    @Option(names = "--elites", defaultValue = "20", description = "GA: best kept each generation (default: ${DEFAULT-VALUE}).")
    int elites;
    @Option(names = "--initial", defaultValue = "random", description = "ga and map-elites: generation 0 is "
            + "--population random genomes (random) or the 125 triples at default parameters (triples), which then "
            + "searches from the exhaustive table's candidates (default: ${DEFAULT-VALUE}).")
    String initial;
    @Option(names = "--mutation-rate", defaultValue = "0.3", description = "GA: per-trait mutation probability "
            + "(default: ${DEFAULT-VALUE}).")
    double mutationRate;
    @Option(names = "--sigma", defaultValue = "0.1", description = "Gaussian step of a parameter, as a fraction of its "
            + "range (default: ${DEFAULT-VALUE}).")
    double sigma;
    @Option(names = "--rule-mutation", defaultValue = "0.1", description = "MAP-Elites: probability that a Gaussian or "
            + "crossover emitter redraws each rule (default: ${DEFAULT-VALUE}).")
    double ruleMutation;
    @Option(names = "--gaussian-batch", defaultValue = "16", description = "MAP-Elites: Gaussian emitter's candidates "
            + "per generation, 0 for none (default: ${DEFAULT-VALUE}).")
    int gaussianBatch;
    @Option(names = "--crossover-batch", defaultValue = "16", description = "MAP-Elites: crossover emitter's "
            + "candidates per generation, 0 for none (default: ${DEFAULT-VALUE}).")
    int crossoverBatch;
    @Option(names = "--cma-batch", defaultValue = "18", description = "MAP-Elites: CMA-ME emitter's candidates per "
            + "generation (CMA-ES lambda), 0 for none (default: ${DEFAULT-VALUE}).")
    int cmaBatch;
    @Option(names = "--cma-sigma", defaultValue = "0.15", description = "CMA-ME: initial step size in normalised "
            + "parameter units (default: ${DEFAULT-VALUE}).")
    double cmaSigma;
    @Option(names = "--scenarios", split = ",", defaultValue = "sorting,pattern_formation,collective_movement",
            description = "Scenarios every candidate runs (default: ${DEFAULT-VALUE}).")
    List<String> scenarios;
    @Option(names = "--replicates", defaultValue = "5", description = "Replicate seeds per scenario (default: "
            + "${DEFAULT-VALUE}).")
    int replicates;
    @Option(names = "--agents", defaultValue = "400", description = "Agents per world (default: ${DEFAULT-VALUE}).")
    int agents;
    @Option(names = "--density", defaultValue = "2.0", description = "Agents per radius² (default: ${DEFAULT-VALUE}).")
    double density;
    @Option(names = "--steps", defaultValue = "300", description = "Steps per scenario run (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--descriptors", split = ",", defaultValue = "sorting,collective_movement", description = "The two "
            + "behaviour descriptors of the archive: a scenario's mean score, polar_order, homotypic, complexity or "
            + "stability (default: ${DEFAULT-VALUE}).")
    List<String> descriptors;
    @Option(names = "--archive", defaultValue = "grid", description = "grid or cvt (default: ${DEFAULT-VALUE}).")
    String archive;
    @Option(names = "--bins", split = ",", defaultValue = "10,10", description = "Grid cells per descriptor "
            + "(default: ${DEFAULT-VALUE}).")
    List<Integer> bins;
    @Option(names = "--cvt-cells", defaultValue = "100", description = "CVT archive cells (default: ${DEFAULT-VALUE}).")
    int cvtCells;
    @Option(names = "--replicate-block", defaultValue = "0", description = "Replicates per Spark work item; 0: one "
            + "item per candidate and scenario (default: ${DEFAULT-VALUE}).")
    int replicateBlock;
    @Option(names = "--partitions", defaultValue = "0", description = "Spark tasks per generation; 0: default "
            + "parallelism (default: ${DEFAULT-VALUE}).")
    int partitions;
    @Option(names = "--film-top", defaultValue = "3", description = "Film strips of the best this many algorithms of "
            + "each scenario (default: ${DEFAULT-VALUE}).")
    int filmTop;
    @Mixin
    SparkOptions spark;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if ((out == null) == (resume == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one of --out and --resume");
        }
        DiscoverSettings s = settings();
        s.validate(); // every check before a session or a directory exists
        if (resume != null) {
            DiscoverJob.checkResumable(resume, s);
            spark.withSession("morphospark-discover", session -> new DiscoverJob(session, s, System.out).resume(resume));
        } else {
            RunDirectory.requireAvailable(out);
            spark.withSession("morphospark-discover", session -> new DiscoverJob(session, s, System.out).run(out));
        }
        return ExitCodes.OK;
    }

    /** New run: the options. Resume: the recorded configuration, with the options actually given on top. */
    DiscoverSettings settings() {
        DiscoverSettings s = resume != null ? DiscoverSettings.ofRun(resume) : new DiscoverSettings();
        set("--search", () -> s.search = search);
        set("--seed", () -> s.seed = seed);
        set("--evaluation-seed", () -> s.evaluationSeed = evaluationSeed);
        set("--generations", () -> s.generations = generations);
        set("--population", () -> s.population = population);
        set("--elites", () -> s.elites = elites);
        set("--initial", () -> s.initial = initial);
        set("--mutation-rate", () -> s.mutationRate = mutationRate);
        set("--sigma", () -> s.sigma = sigma);
        set("--rule-mutation", () -> s.ruleMutation = ruleMutation);
        set("--gaussian-batch", () -> s.gaussianBatch = gaussianBatch);
        set("--crossover-batch", () -> s.crossoverBatch = crossoverBatch);
        set("--cma-batch", () -> s.cmaBatch = cmaBatch);
        set("--cma-sigma", () -> s.cmaSigma = cmaSigma);
        set("--scenarios", () -> s.scenarios = new ArrayList<>(scenarios));
        set("--replicates", () -> s.replicates = replicates);
        set("--agents", () -> s.agents = agents);
        set("--density", () -> s.density = density);
        set("--steps", () -> s.steps = steps);
        set("--descriptors", () -> s.descriptors = new ArrayList<>(descriptors));
        set("--archive", () -> s.archive = archive);
        set("--bins", () -> s.bins = new ArrayList<>(bins));
        set("--cvt-cells", () -> s.cvtCells = cvtCells);
        set("--replicate-block", () -> s.replicateBlock = replicateBlock);
        set("--partitions", () -> s.partitions = partitions);
        set("--film-top", () -> s.filmTop = filmTop);
        return s;
    }

    private void set(String option, Runnable apply) {
        if (resume == null || spec.commandLine().getParseResult().hasMatchedOption(option)) {
            apply.run();
        }
    }
}
