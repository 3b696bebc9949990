package io.morphospark.jobs.es;

import com.fasterxml.jackson.annotation.JsonMerge;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.config.StrictYaml;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.datasets.run.RunManifest;
import io.morphospark.models.optim.Adam;
import io.morphospark.models.optim.CmaEs;
import io.morphospark.models.optim.GeneticAlgorithm;
import io.morphospark.models.optim.GradientStep;
import io.morphospark.models.optim.MuCommaLambdaEs;
import io.morphospark.models.optim.MuPlusLambdaEs;
import io.morphospark.models.optim.OpenAiEs;
import io.morphospark.models.optim.Optimizer;
import io.morphospark.models.optim.Pgpe;
import io.morphospark.models.optim.SepCmaEs;
import io.morphospark.models.optim.Sgd;
import io.morphospark.models.optim.Snes;
import io.morphospark.models.problem.Problem;
import io.morphospark.models.nca.GrowingNcaProblem;
import io.morphospark.models.nca.NcaConfig;
import io.morphospark.models.nca.NcaEngine;
import io.morphospark.models.nca.Target;
import io.morphospark.models.problem.benchmark.BenchmarkFunction;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;
import io.morphospark.models.regulatory.Boundary;
import io.morphospark.models.regulatory.LateralInhibitionConfig;
import io.morphospark.models.regulatory.LateralInhibitionProblem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything an ES run needs, as read from a preset, then a YAML file, then command-line flags
 * (each overriding the one before). Recorded whole in run.json; its hash identifies the config.
 */
public final class EsSettings {
    /** The strict reader shared with generate specs; {@code hidden: 8} may stand for {@code hidden: [8]}. */
    static final ObjectMapper YAML = StrictYaml.mapper().enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    public static final List<String> PRESETS = List.of("lateral-inhibition");

    public long seed = 42;
    public int generations = 100;
    @JsonMerge
    public ProblemSettings problem = new ProblemSettings();
    @JsonMerge
    public OptimizerSettings optimizer = new OptimizerSettings();
    @JsonMerge
    public EvaluationSettings evaluation = new EvaluationSettings();
    @JsonMerge
    public OutputSettings output = new OutputSettings();

    public static final List<String> PROBLEMS = List.of("lateral-inhibition", "growing-nca", "sphere", "rosenbrock", "rastrigin");
    public static final List<String> ALGORITHMS = List.of("mu-plus-lambda", "mu-comma-lambda", "openai-es", "cma-es",
            "sep-cma-es", "snes", "pgpe", "ga");

    /**
     * The problem: the regulatory network (REFERENCE.md §1; the other fields, defaults the seed's)
     * or a validation function (sphere, rosenbrock, rastrigin) of {@code dim} parameters.
     */
    public static final class ProblemSettings {
        public String name = "lateral-inhibition";
        /** Dimension of the validation functions (ignored by lateral-inhibition). */
        public int dim = 10;
        public int cells = 7;
        public int replicates = 50;
        public double dt = 0.01;
        public int steps = 2000;
        public double noise = 0.1;
        public double initialMean = 0.5;
        public double initialSpread = 0.1;
        /**
         * zero-padded reproduces the seed's reported patterns (1010101 dominant); the literal
         * single-neighbour rule ("free") makes 1010101 and 0101010 equally likely. See README.
         */
        public String boundary = "zero-padded";
        public int[] hidden = {8, 8};
        public String utility = "hard";
        /** growing-nca only. */
        @JsonMerge
        public NcaProblemSettings nca = new NcaProblemSettings();
    }

    /** The growing NCA as a black box (REFERENCE.md §2): fitness = −mean RGBA loss of rollouts from the seed. */
    public static final class NcaProblemSettings {
        /** "disc" (the seed's, side {@code size}) or an RGBA PNG. */
        public String target = "disc";
        public int size = 64;
        public int rollouts = 4;
        public int minSteps = 64;
        public int maxSteps = 95;
        public double fireRate = 0.5;
        /** auto, fused, matmul or conv1x1 (see NcaEngine). */
        public String engine = "auto";
    }

    /**
     * The optimiser. Every algorithm uses {@code population}; the others apply where named.
     * Step sizes: {@code sigma} is the initial step size of every algorithm; unset, it is
     * {@code mutation} for the mutation-based ones (mu-plus-lambda, mu-comma-lambda, ga) and the
     * problem's suggestion (0.3 × the initial domain's width for the validation functions, 0.1
     * for lateral-inhibition) for the distribution-based ones (openai-es, cma-es, sep-cma-es,
     * snes, pgpe).
     */
    public static final class OptimizerSettings {
        public String algorithm = "mu-plus-lambda";
        public int population = 20;
        /** mu-plus-lambda, mu-comma-lambda: parents kept; 0 means the seed rule max(2, ⌊0.2·population⌋). */
        public int parents = 0;
        /** Mutation standard deviation of mu-plus-lambda and ga, initial σ of mu-comma-lambda. */
        public double mutation = 0.1;
        /** Initial step size σ (see above); null: the algorithm's default. */
        @JsonSetter(nulls = Nulls.SET)
        public Double sigma = null;
        /**
         * openai-es: Adam/SGD learning rate (default 0.01); pgpe: ClipUp step size (default σ/2,
         * maximum speed twice that); snes: centre learning rate η_μ (default 1). Unused by the others.
         */
        @JsonSetter(nulls = Nulls.SET)
        public Double learningRate = null;
        /** openai-es: adam or sgd (momentum 0.9). */
        public String gradient = "adam";
        /** openai-es: L2 weight decay coefficient on the centre. */
        public double weightDecay = 0.0;
        /** openai-es: σ multiplied by this every generation (1: constant, as in the paper). */
        public double sigmaDecay = 1.0;
        /** openai-es, pgpe: learning rate multiplied by this every generation (1: constant). */
        public double learningRateDecay = 1.0;
        /** ga: tournament size. */
        public int tournament = 3;
        /** ga: probability that a child is a uniform crossover of two parents. */
        public double crossoverRate = 0.9;
    }

    public static final class EvaluationSettings {
        /** Replicates per Spark task item. */
        public int replicateBlock = 25;
        /** Spark partitions per generation; 0 means one per default-parallelism slot. */
        public int partitions = 0;
        /** Fresh replicates used to validate the final best candidate. */
        public int validationReplicates = 200;
    }

    public static final class OutputSettings {
        public int trajectoryReplicates = 10;
        public int trajectoryStride = 10;
    }

    public static EsSettings preset(String name) {
        if (!PRESETS.contains(name)) {
            throw new BadInputException("unknown preset '" + name + "'; known presets: " + String.join(", ", PRESETS));
        }
        return new EsSettings(); // the defaults are the seed's lateral-inhibition configuration
    }

    /** The settings an existing run (finished or interrupted) was started with, from its run.json. */
    public static EsSettings ofRun(Path runDir) {
        Path manifest = RunDirectory.manifestDirectory(runDir);
        try {
            return YAML.treeToValue(RunManifest.read(manifest).get("config"), EsSettings.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("run.json in " + manifest + " holds no readable ES configuration: " + e.getMessage(), e);
        }
    }

    /**
     * Overlays a YAML file onto these settings. The strict reader refuses, naming the field, what
     * would otherwise change the run silently: an empty file or one that is not a mapping (which
     * would run the preset), a fraction for a whole number, a duplicate key, an unknown key.
     */
    public EsSettings mergeYaml(Path file) {
        return StrictYaml.update(YAML, file, "config", this);
    }

    /** Checks everything and builds the model objects; any problem becomes a one-line BadInputException. */
    public Problem buildProblem() {
        if (!PROBLEMS.contains(problem.name)) {
            throw new BadInputException("unknown problem '" + problem.name + "'; known problems: " + String.join(", ", PROBLEMS));
        }
        if (BenchmarkFunction.NAMES.contains(problem.name)) {
            if (problem.dim < 1) {
                throw new BadInputException("dim must be at least 1, got " + problem.dim);
            }
            try {
                return BenchmarkFunction.named(problem.name, problem.dim);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }
        if ("growing-nca".equals(problem.name)) {
            return growingNca(problem.nca);
        }
        Boundary boundary = switch (String.valueOf(problem.boundary).toLowerCase()) {
            case "free" -> Boundary.FREE;
            case "zero-padded" -> Boundary.ZERO_PADDED;
            case "fixed" -> Boundary.FIXED;
            default -> throw new BadInputException("boundary must be free, zero-padded or fixed, got '" + problem.boundary + "'");
        };
        LateralInhibitionProblem.Utility utility = switch (String.valueOf(problem.utility).toLowerCase()) {
            case "hard" -> LateralInhibitionProblem.Utility.HARD;
            case "soft" -> LateralInhibitionProblem.Utility.SOFT;
            default -> throw new BadInputException("utility must be hard or soft, got '" + problem.utility + "'");
        };
        try {
            return new LateralInhibitionProblem(new LateralInhibitionConfig(problem.cells, problem.replicates, problem.dt,
                    problem.steps, problem.noise, problem.initialMean, problem.initialSpread, boundary, problem.hidden),
                    utility);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private static Problem growingNca(NcaProblemSettings n) {
        try {
            Target target = "disc".equals(n.target) ? Target.disc(n.size) : Target.image(Path.of(n.target));
            return new GrowingNcaProblem(NcaConfig.SEED, target, n.rollouts, n.minSteps, n.maxSteps, n.fireRate,
                    NcaEngine.Kind.parse(n.engine));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** The problem as its concrete type, for benchmarks of its kernel. */
    public LateralInhibitionProblem buildProblemForBench() {
        return (LateralInhibitionProblem) buildProblem();
    }

    public Optimizer buildOptimizer(Problem p) {
        OptimizerSettings o = optimizer;
        if (!ALGORITHMS.contains(o.algorithm)) {
            throw new BadInputException("unknown algorithm '" + o.algorithm + "'; known algorithms: " + String.join(", ", ALGORITHMS));
        }
        boolean mutationBased = List.of("mu-plus-lambda", "mu-comma-lambda", "ga").contains(o.algorithm);
        double sigma = o.sigma != null ? o.sigma : mutationBased ? o.mutation : p.initialStepSize();
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            String which = o.sigma == null && mutationBased ? "mutation" : "sigma";
            throw new BadInputException(which + " must be a positive number, got " + sigma);
        }
        if (o.learningRate != null && (!(o.learningRate > 0) || Double.isInfinite(o.learningRate))) {
            throw new BadInputException("learning-rate must be a positive number, got " + o.learningRate);
        }
        if (o.population < 2) {
            throw new BadInputException("population must be at least 2 for " + o.algorithm + ", got " + o.population);
        }
        boolean antithetic = o.algorithm.equals("openai-es") || o.algorithm.equals("pgpe");
        if (antithetic && o.population % 2 != 0) {
            throw new BadInputException(o.algorithm + " samples antithetic pairs: population must be even, got " + o.population);
        }
        int parents = o.parents == 0 ? MuPlusLambdaEs.defaultParents(o.population) : o.parents;
        try {
            return switch (o.algorithm) {
                case "mu-plus-lambda" -> new MuPlusLambdaEs(p, o.population, parents, sigma, seed);
                case "mu-comma-lambda" -> new MuCommaLambdaEs(p, o.population, parents, sigma, seed);
                case "ga" -> new GeneticAlgorithm(p, o.population, o.tournament, o.crossoverRate, sigma, seed);
                case "openai-es" -> new OpenAiEs(initialCentre(p), sigma, o.population, gradientStep(p.dimension()),
                        o.weightDecay, o.sigmaDecay, o.learningRateDecay, seed);
                case "cma-es" -> new CmaEs(initialCentre(p), sigma, o.population, seed);
                case "sep-cma-es" -> new SepCmaEs(initialCentre(p), sigma, o.population, seed);
                case "snes" -> new Snes(initialCentre(p), sigma, o.population, rate(1.0), seed);
                case "pgpe" -> new Pgpe(initialCentre(p), sigma, o.population, rate(sigma / 2), o.learningRateDecay, seed);
                default -> throw new IllegalStateException(o.algorithm);
            };
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private double rate(double fallback) {
        return optimizer.learningRate != null ? optimizer.learningRate : fallback;
    }

    private GradientStep gradientStep(int dimension) {
        double rate = rate(0.01);
        return switch (String.valueOf(optimizer.gradient)) {
            case "adam" -> new Adam(dimension, rate);
            case "sgd" -> new Sgd(dimension, rate, 0.9);
            default -> throw new BadInputException("gradient must be adam or sgd, got '" + optimizer.gradient + "'");
        };
    }

    /** The centre a distribution-based optimiser starts from: the problem's first initial candidate. */
    private double[] initialCentre(Problem p) {
        return p.initialCandidate(RandomStreams.stream(seed, Purpose.INITIAL_POPULATION, 0));
    }

    /** Settings of the run itself (not the model): checked before anything is written. */
    public void validateRun() {
        if (generations < 1) {
            throw new BadInputException("generations must be at least 1, got " + generations);
        }
        if (evaluation.replicateBlock < 1) {
            throw new BadInputException("replicate-block must be at least 1, got " + evaluation.replicateBlock);
        }
        if (evaluation.partitions < 0) {
            throw new BadInputException("partitions must be 0 (automatic) or more, got " + evaluation.partitions);
        }
        if (evaluation.validationReplicates < 1) {
            throw new BadInputException("validation-replicates must be at least 1, got " + evaluation.validationReplicates);
        }
        if (output.trajectoryReplicates < 0) {
            throw new BadInputException("trajectory-replicates must be 0 or more, got " + output.trajectoryReplicates);
        }
        if (output.trajectoryStride < 1) {
            throw new BadInputException("trajectory-stride must be at least 1, got " + output.trajectoryStride);
        }
    }
}
