package io.morphospark.jobs.cli;

import io.morphospark.jobs.es.EsSettings;
import io.morphospark.models.optim.CmaEs;
import io.morphospark.models.optim.CmaParameters;
import io.morphospark.models.optim.Optimizer;
import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.benchmark.BenchmarkFunction;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code morphospark bench optimizers}: convergence of every algorithm on its acceptance problem
 * (median over seeds, plain Java loop, no Spark), and the driver-side cost of ask + tell.
 */
@Command(name = "optimizers", mixinStandardHelpOptions = true,
        description = "Optimiser convergence on sphere/rosenbrock/rastrigin (median of seeds) and ask+tell overhead.")
final class OptimizerBench implements Runnable {
    @Option(names = "--seeds", defaultValue = "5", description = "Seeds per case (the median is reported).") int seeds;
    @Option(names = "--skip-overhead", description = "Only the convergence tables.") boolean skipOverhead;
    @Option(names = "--only", description = "Run only the convergence case of this algorithm.") String only;
    @Option(names = "--reference-seeds", defaultValue = "11",
            description = "Seeds of the CMA-ES vs Apache Commons Math side-by-side (default: ${DEFAULT-VALUE}).")
    int referenceSeeds;
    @Option(names = "--cma-dims", split = ",", defaultValue = "100,500,1000",
            description = "Dimensions of the full CMA-ES ask+tell timing (default: ${DEFAULT-VALUE}).") int[] cmaDims;
    @Option(names = "--cma-generations", defaultValue = "6",
            description = "Timed generations per dimension and eigensolver, after half as many of warm-up "
                    + "(default: ${DEFAULT-VALUE}).") int cmaGenerations;

    /** One acceptance case: an algorithm with its settings on a problem, a budget and a target. */
    record Case(String algorithm, String problem, int dim, int population, long budget, double target,
                boolean relativeTarget, Consumer<EsSettings.OptimizerSettings> tune) {
    }

    static List<Case> cases() {
        int cma10 = CmaParameters.defaultPopulation(10);
        int cma100 = CmaParameters.defaultPopulation(100);
        return List.of(
                new Case("cma-es", "rosenbrock", 10, cma10, 20_000, 1e-8, false, o -> { }),
                new Case("sep-cma-es", "sphere", 100, cma100, 200_000, 1e-8, false, o -> { }),
                new Case("snes", "sphere", 100, cma100, 400_000, 1e-8, false, o -> { }),
                new Case("openai-es", "sphere", 100, 100, 200_000, 1e-6, true, o -> {
                    o.learningRate = 0.5;
                    o.sigmaDecay = 0.995;
                    o.learningRateDecay = 0.995;
                }),
                new Case("pgpe", "sphere", 100, 100, 200_000, 1e-6, true, o -> o.learningRateDecay = 0.995),
                new Case("ga", "rastrigin", 10, 100, 50_000, 0, false, o -> o.mutation = 0.5),
                new Case("mu-comma-lambda", "rastrigin", 10, 100, 50_000, 0, false, o -> o.mutation = 1.0),
                new Case("mu-plus-lambda", "rastrigin", 10, 100, 50_000, 0, false, o -> o.mutation = 0.5));
    }

    @Override
    public void run() {
        BenchCommand.atLeast("--seeds", seeds, 1);
        BenchCommand.atLeast("--cma-generations", cmaGenerations, 1);
        for (int dim : cmaDims) {
            BenchCommand.atLeast("--cma-dims", dim, 2);
        }
        if (only != null && cases().stream().noneMatch(c -> c.algorithm().equals(only))) {
            throw new io.morphospark.datasets.BadInputException("--only: no case for algorithm '" + only + "'; cases: "
                    + String.join(", ", cases().stream().map(Case::algorithm).toList()));
        }
        System.out.printf("convergence: median over %d seeds (evaluations to target: median of the runs that reached it)%n", seeds);
        System.out.printf("%-16s %-16s %9s %6s  %-10s %-9s %14s %12s %12s %12s %12s%n", "algorithm", "problem", "budget",
                "lambda", "target", "reached", "evals→target", "f@10%", "f@50%", "final f", "f₀/final");
        for (Case c : cases()) {
            if (only == null || only.equals(c.algorithm())) {
                convergence(c);
            }
        }
        if (only == null || only.equals("cma-es")) {
            cmaVersusCommonsMath(referenceSeeds);
        }
        if (!skipOverhead) {
            overhead();
            cmaScaling();
        }
    }

    private void convergence(Case c) {
        List<Long> hits = new ArrayList<>();
        double[] at10 = new double[seeds];
        double[] at50 = new double[seeds];
        double[] finals = new double[seeds];
        double[] reductions = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            EsSettings settings = EsSettings.preset("lateral-inhibition");
            settings.seed = 1000 + s;
            settings.problem.name = c.problem();
            settings.problem.dim = c.dim();
            settings.optimizer.algorithm = c.algorithm();
            settings.optimizer.population = c.population();
            c.tune().accept(settings.optimizer);
            BenchmarkFunction f = (BenchmarkFunction) settings.buildProblem();
            Optimizer optimizer = settings.buildOptimizer(f);
            double best = Double.POSITIVE_INFINITY;
            double initial = Double.NaN;
            long evaluations = 0;
            Long hit = null;
            while (evaluations < c.budget()) {
                Population pop = optimizer.ask();
                double[] fitness = new double[pop.size()];
                for (int i = 0; i < fitness.length; i++) {
                    double v = f.value(pop.candidate(i));
                    fitness[i] = -v;
                    best = Math.min(best, v);
                    evaluations++;
                    if (Double.isNaN(initial) && i == fitness.length - 1) {
                        initial = best;
                    }
                    double target = c.relativeTarget() ? initial * c.target() : c.target();
                    if (hit == null && !Double.isNaN(initial) && best < target) {
                        hit = evaluations;
                    }
                }
                optimizer.tell(fitness);
                if (at10[s] == 0 && evaluations >= c.budget() / 10) {
                    at10[s] = best;
                }
                if (at50[s] == 0 && evaluations >= c.budget() / 2) {
                    at50[s] = best;
                }
            }
            if (hit != null) {
                hits.add(hit);
            }
            finals[s] = best;
            reductions[s] = initial / best;
        }
        String target = c.target() == 0 ? "-" : (c.relativeTarget() ? "f₀·" : "") + String.format("%.0e", c.target());
        String toTarget = hits.isEmpty() || c.target() == 0 ? "-"
                : String.format("%.0f", median(hits.stream().mapToDouble(Long::doubleValue).toArray()));
        System.out.printf("%-16s %-16s %9d %6d  %-10s %-9s %14s %12.3g %12.3g %12.3g %12.3g%n", c.algorithm(),
                c.problem() + "-" + c.dim(), c.budget(), c.population(), target,
                c.target() == 0 ? "-" : hits.size() + "/" + seeds, toTarget, median(at10), median(at50), median(finals),
                median(reductions));
    }

    /**
     * Our CMA-ES and commons-math3's {@link CMAESOptimizer} on the same setup (10-D Rosenbrock, λ = 10,
     * σ₀ = 0.3, the same start drawn uniform in [0, 1]¹⁰ per seed): evaluations until f < 1e-8, median
     * over the seeds. Commons Math runs with its defaults (active CMA on, full covariance); its own
     * stopping rules are left on, so a run that stops early counts as not reaching the target.
     */
    static void cmaVersusCommonsMath(int seeds) {
        BenchCommand.atLeast("--reference-seeds", seeds, 1);
        int dim = 10;
        int lambda = 10;
        double sigma = 0.3;
        double target = 1e-8;
        long budget = 20_000;
        BenchmarkFunction f = BenchmarkFunction.named("rosenbrock", dim);
        double[] ours = new double[seeds];
        double[] reference = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            long seed = 1000 + s;
            double[] start = f.initialCandidate(RandomStreams.stream(seed, Purpose.INITIAL_POPULATION, 0));
            ours[s] = oursToTarget(f, start, sigma, lambda, seed, target, budget);
            reference[s] = commonsMathToTarget(f, start, sigma, lambda, seed, target, budget);
        }
        System.out.printf("%nCMA-ES vs Apache Commons Math CMAESOptimizer: rosenbrock-%d, lambda %d, sigma0 %.1f, start U[0,1]^%d,"
                + " evaluations to f < %.0e (budget %d; unreached runs count as infinite), %d seeds%n",
                dim, lambda, sigma, dim, target, budget, seeds);
        System.out.printf("  %-22s %8s %10s %10s %10s%n", "implementation", "reached", "median", "min", "max");
        printToTarget("morphospark cma-es", ours);
        printToTarget("commons-math3 " + CMAESOptimizer.class.getPackage().getImplementationVersion(), reference);
    }

    private static void printToTarget(String name, double[] evaluations) {
        long reached = Arrays.stream(evaluations).filter(Double::isFinite).count();
        double[] sorted = evaluations.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-22s %5d/%-2d %10.0f %10.0f %10.0f%n", name, reached, evaluations.length, median(evaluations),
                sorted[0], sorted[sorted.length - 1]);
    }

    private static double oursToTarget(BenchmarkFunction f, double[] start, double sigma, int lambda, long seed,
                                       double target, long budget) {
        CmaEs es = new CmaEs(start, sigma, lambda, seed);
        long evaluations = 0;
        while (evaluations < budget) {
            Population pop = es.ask();
            double[] fitness = new double[pop.size()];
            for (int i = 0; i < fitness.length; i++) {
                double v = f.value(pop.candidate(i));
                evaluations++;
                if (v < target) {
                    return evaluations;
                }
                fitness[i] = -v;
            }
            es.tell(fitness);
        }
        return Double.POSITIVE_INFINITY;
    }

    private static double commonsMathToTarget(BenchmarkFunction f, double[] start, double sigma, int lambda, long seed,
                                              double target, long budget) {
        long[] evaluations = {0};
        long[] hit = {0};
        MultivariateFunction counted = x -> {
            double v = f.value(x);
            evaluations[0]++;
            if (hit[0] == 0 && v < target) {
                hit[0] = evaluations[0];
            }
            return v;
        };
        double[] sigmas = new double[start.length];
        Arrays.fill(sigmas, sigma);
        CMAESOptimizer optimizer = new CMAESOptimizer((int) budget, target, true, 0, 0,
                new MersenneTwister(seed), false, null);
        try {
            optimizer.optimize(new MaxEval((int) budget), new ObjectiveFunction(counted), GoalType.MINIMIZE,
                    new InitialGuess(start), SimpleBounds.unbounded(start.length), new CMAESOptimizer.Sigma(sigmas),
                    new CMAESOptimizer.PopulationSize(lambda));
        } catch (TooManyEvaluationsException budgetSpent) {
            // the budget ran out; hit says whether the target was reached before
        }
        return hit[0] == 0 ? Double.POSITIVE_INFINITY : hit[0];
    }

    /** Driver-side ask + tell per generation at dimension 10 000, population 256 (evaluation excluded). */
    private static void overhead() {
        int dim = 10_000;
        int population = 256;
        System.out.printf("%nask+tell overhead, dim %d, population %d, evaluation excluded (median of 10 generations after 3 warm-up)%n",
                dim, population);
        for (String algorithm : List.of("sep-cma-es", "snes", "pgpe", "openai-es")) {
            EsSettings settings = EsSettings.preset("lateral-inhibition");
            settings.problem.name = "sphere";
            settings.problem.dim = dim;
            settings.optimizer.algorithm = algorithm;
            settings.optimizer.population = population;
            BenchmarkFunction f = (BenchmarkFunction) settings.buildProblem();
            Optimizer optimizer = settings.buildOptimizer(f);
            double[] ms = new double[13];
            long shipped = 0;
            for (int g = 0; g < ms.length; g++) {
                long t0 = System.nanoTime();
                Population pop = optimizer.ask();
                long t1 = System.nanoTime();
                double[] fitness = new double[population];
                for (int i = 0; i < population; i++) {
                    fitness[i] = -f.value(pop.candidate(i)); // what executors do; not timed
                }
                shipped = pop.shippedBytes();
                long t2 = System.nanoTime();
                optimizer.tell(fitness);
                long t3 = System.nanoTime();
                ms[g] = ((t1 - t0) + (t3 - t2)) / 1e6;
            }
            System.out.printf("  %-12s %8.1f ms/generation   shipped %,d bytes/generation (vectors would be %,d)%n", algorithm,
                    median(Arrays.copyOfRange(ms, 3, ms.length)), shipped, 8L * dim * population);
        }
    }

    /**
     * Full CMA-ES ask + tell at growing dimension (default λ = 4 + ⌊3 ln n⌋), with the pre-issue-17
     * Jacobi eigensolver and the Householder + QL one side by side: the median generation (the lazy
     * schedule skips the eigen update in most), one eigen update of the run's own C timed apart, and
     * the sum amortised over the update interval. ND4J's LAPACK on the same C is printed for reference.
     */
    private void cmaScaling() {
        System.out.printf("%nfull CMA-ES driver cost (default lambda, evaluation excluded, median of %d generations after %d "
                + "warm-up):%n  ask+tell per generation (without the eigen update unless it is due every generation), "
                + "one eigen update every `interval` generations, amortised sum%n", cmaGenerations, cmaGenerations / 2);
        System.out.printf("  %-6s %-6s %8s | %-28s %10s %10s %12s | %12s%n", "n", "lambda", "interval", "eigensolver",
                "ms/gen", "eigen ms", "amortised", "nd4j eigen");
        nd4jEigenMs(new double[][] {{1, 0}, {0, 1}}); // loads the native backend outside the timings
        for (int dim : cmaDims) {
            int lambda = CmaParameters.defaultPopulation(dim);
            for (CmaEs.EigenSolver solver : CmaEs.EigenSolver.values()) {
                CmaEs es = new CmaEs(uniformStart(dim), 0.3, lambda, 1).usingEigenSolver(solver);
                BenchmarkFunction f = BenchmarkFunction.named("rosenbrock", dim);
                int warmUp = cmaGenerations / 2;
                List<Double> ms = new ArrayList<>();
                List<Double> withoutEigen = new ArrayList<>();
                for (int g = -warmUp; g < cmaGenerations; g++) {
                    int eigenBefore = es.eigenGeneration();
                    long t0 = System.nanoTime();
                    Population pop = es.ask();
                    long t1 = System.nanoTime();
                    double[] fitness = new double[lambda];
                    for (int i = 0; i < lambda; i++) {
                        fitness[i] = -f.value(pop.candidate(i));
                    }
                    long t2 = System.nanoTime();
                    es.tell(fitness);
                    long t3 = System.nanoTime();
                    double generationMs = ((t1 - t0) + (t3 - t2)) / 1e6;
                    if (g >= 0) {
                        ms.add(generationMs);
                        if (es.eigenGeneration() == eigenBefore) {
                            withoutEigen.add(generationMs);
                        }
                    }
                }
                long e0 = System.nanoTime();
                es.refreshEigenbasis();
                double eigenMs = (System.nanoTime() - e0) / 1e6;
                double interval = Math.max(1, es.eigenInterval());
                // an interval of at most one generation puts the update in every generation's tell
                boolean everyGeneration = interval <= 1 || withoutEigen.isEmpty();
                double perGeneration = median((everyGeneration ? ms : withoutEigen).stream().mapToDouble(Double::doubleValue).toArray());
                String lapack = solver == CmaEs.EigenSolver.TRIDIAGONAL_QL ? String.format("%9.1f ms", nd4jEigenMs(es.covariance())) : "";
                System.out.printf("  %-6d %-6d %8.1f | %-28s %10.2f %10.1f %12.2f | %12s%n", dim, lambda, interval,
                        solver == CmaEs.EigenSolver.JACOBI ? "jacobi (before issue 17)" : "householder+QL (commons-math)",
                        perGeneration, eigenMs, everyGeneration ? perGeneration : perGeneration + eigenMs / interval, lapack);
            }
        }
    }

    private static double[] uniformStart(int dim) {
        double[] start = new double[dim];
        var rng = RandomStreams.stream(1, Purpose.INITIAL_POPULATION, 0);
        for (int j = 0; j < dim; j++) {
            start[j] = rng.nextDouble();
        }
        return start;
    }

    /** ND4J's LAPACK symmetric eigen-decomposition (values and vectors) of {@code c}, copy in and out included. */
    private static double nd4jEigenMs(double[][] c) {
        long t0 = System.nanoTime();
        INDArray a = Nd4j.createFromArray(c);
        Eigen.symmetricGeneralizedEigenvalues(a, true); // a is overwritten with the eigenvectors
        a.toDoubleMatrix();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
