package io.morphospark.jobs.cli;

import io.morphospark.jobs.es.EsSettings;
import io.morphospark.jobs.spark.SparkPopulationEvaluator;
import io.morphospark.models.evaluation.BlockEvaluation;
import io.morphospark.models.evaluation.ThreadPoolEvaluator;
import io.morphospark.models.optim.Optimizer;
import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.ReplicateStreams;
import io.morphospark.models.regulatory.LateralInhibitionProblem;
import io.morphospark.models.regulatory.LateralInhibitionSimulator;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.SplittableRandom;

/** {@code morphospark bench}: throughput figures recorded in docs/BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: the simulation kernel, the Spark fan-out against a plain thread pool, and the optimisers.",
        subcommands = {BenchCommand.Kernel.class, BenchCommand.Fanout.class, OptimizerBench.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "kernel", mixinStandardHelpOptions = true,
            description = "Lateral-inhibition simulation kernel on one thread, in cell-steps per second (seed config).")
    static final class Kernel implements Runnable {
        @Option(names = "--seconds", defaultValue = "10", description = "Measured time (after the same again of warm-up).")
        double seconds;

        @Override
        public void run() {
            LateralInhibitionProblem problem = EsSettings.preset("lateral-inhibition").buildProblemForBench();
            LateralInhibitionSimulator sim = problem.simulator();
            double[] params = sim.network().initialParameters(new SplittableRandom(1));
            int replicates = problem.config().replicates();
            long perCall = problem.config().cellSteps();
            measure(sim, params, replicates, seconds); // warm-up: let C2 compile and vectorise
            double[] rates = new double[5];
            for (int i = 0; i < rates.length; i++) {
                rates[i] = measure(sim, params, replicates, seconds / rates.length) * perCall;
            }
            Arrays.sort(rates);
            System.out.printf("kernel: %s, one thread: median %.3g cell-steps/s (min %.3g, max %.3g)%n",
                    problem.config(), rates[2], rates[0], rates[4]);
        }

        private static double measure(LateralInhibitionSimulator sim, double[] params, int replicates, double seconds) {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long start = System.nanoTime();
            int calls = 0;
            float sink = 0;
            do {
                sink += sim.simulate(params, new ReplicateStreams(calls, Purpose.SIMULATION, 0, 0), 0, replicates)[0];
                calls++;
            } while (System.nanoTime() < end);
            if (sink == -1f) {
                System.out.print("");
            }
            return calls / ((System.nanoTime() - start) / 1e9);
        }
    }

    @Command(name = "fanout", mixinStandardHelpOptions = true,
            description = "Generation time of the Spark fan-out against a plain Java thread pool, side by side "
                    + "on the same populations (seed preset).")
    static final class Fanout implements Runnable {
        @Option(names = "--generations", defaultValue = "12") int generations;
        @Option(names = "--threads", defaultValue = "2", description = "Pool threads; match the Spark master's cores.")
        int threads;
        @Mixin SparkOptions spark;

        @Override
        public void run() {
            if (spark.master == null) {
                spark.master = "local[" + threads + "]";
            }
            EsSettings s = EsSettings.preset("lateral-inhibition");
            var problem = s.buildProblem();
            Optimizer optimizer = s.buildOptimizer(problem);
            BlockEvaluation blocks = new BlockEvaluation(problem, s.seed, s.evaluation.replicateBlock);
            spark.withSession("morphospark-bench", session -> {
                JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
                double[] sparkMs = new double[generations];
                double[] poolMs = new double[generations];
                try (var viaSpark = new SparkPopulationEvaluator(jsc, blocks, s.evaluation.partitions);
                     var viaPool = new ThreadPoolEvaluator(blocks, threads)) {
                    for (int g = 0; g < generations; g++) {
                        Population pop = optimizer.ask();
                        long t0 = System.nanoTime();
                        Evaluation[] a = viaSpark.evaluate(pop);
                        long t1 = System.nanoTime();
                        Evaluation[] b = viaPool.evaluate(pop);
                        long t2 = System.nanoTime();
                        sparkMs[g] = (t1 - t0) / 1e6;
                        poolMs[g] = (t2 - t1) / 1e6;
                        double[] f = new double[a.length];
                        for (int i = 0; i < a.length; i++) {
                            if (Double.compare(a[i].fitness(), b[i].fitness()) != 0) {
                                throw new IllegalStateException("Spark and pool disagree on candidate " + i);
                            }
                            f[i] = a[i].fitness();
                        }
                        optimizer.tell(f);
                        System.out.printf("generation %2d: spark %.0f ms, pool %.0f ms%n", g, sparkMs[g], poolMs[g]);
                    }
                }
                // the first two generations include JIT warm-up and Spark's first-stage costs
                double sparkMedian = median(Arrays.copyOfRange(sparkMs, 2, generations));
                double poolMedian = median(Arrays.copyOfRange(poolMs, 2, generations));
                System.out.printf("fanout: master %s, %d pool threads, generations 3..%d: spark median %.0f ms, "
                                + "pool median %.0f ms, ratio %.3f (identical fitnesses)%n", session.sparkContext().master(),
                        threads, generations, sparkMedian, poolMedian, sparkMedian / poolMedian);
                return null;
            });
        }

        private static double median(double[] v) {
            double[] c = v.clone();
            Arrays.sort(c);
            return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
        }
    }
}
