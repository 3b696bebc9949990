package io.morphospark.jobs.cli;

import io.morphospark.jobs.es.EsSettings;
import io.morphospark.jobs.spark.SparkPopulationEvaluator;
import io.morphospark.jobs.spark.StageTimeline;
import io.morphospark.models.evaluation.BlockEvaluation;
import io.morphospark.models.evaluation.ThreadPoolEvaluator;
import io.morphospark.models.nca.Growth;
import io.morphospark.models.nca.NcaEngine;
import io.morphospark.models.nca.NcaConfig;
import io.morphospark.models.nca.NcaParameters;
import io.morphospark.models.nca.NcaTrainer;
import io.morphospark.models.nca.Target;
import io.morphospark.models.nca.TrainingRecipe;
import io.morphospark.models.optim.Optimizer;
import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.ReplicateStreams;
import io.morphospark.models.regulatory.LateralInhibitionProblem;
import io.morphospark.models.regulatory.LateralInhibitionSimulator;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** {@code morphospark bench}: throughput figures recorded in docs/BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: the simulation kernel, the Spark fan-out against a plain thread pool, the optimisers, "
                + "the neural CA, the advection NCA, the pattern simulators, the pattern classifier.",
        subcommands = {BenchCommand.Kernel.class, BenchCommand.Fanout.class, OptimizerBench.class, BenchCommand.Nca.class,
        NcaEsVsGradientBench.class, AdvectionBench.class, AgentsBench.class, SweepBench.class, CheckpointBench.class,
        PatternsBench.class, ClassifierBench.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** A bench argument out of range is the user's to fix: one line, exit 2, before any measuring starts. */
    static void atLeast(String option, double value, double min) {
        if (!(value >= min) || Double.isInfinite(value)) {
            throw new io.morphospark.datasets.BadInputException(option + " must be a finite number of at least "
                    + (min == Math.rint(min) ? String.valueOf((long) min) : String.valueOf(min)) + ", got " + value);
        }
    }

    /** Checks a list of names against what a factory accepts, so an unknown one fails before the first measurement. */
    static void known(String option, String[] names, java.util.function.Consumer<String> parse) {
        for (String n : names) {
            try {
                parse.accept(n);
            } catch (IllegalArgumentException e) {
                throw new io.morphospark.datasets.BadInputException(option + ": " + e.getMessage(), e);
            }
        }
    }

    @Command(name = "kernel", mixinStandardHelpOptions = true,
            description = "Lateral-inhibition simulation kernel on one thread, in cell-steps per second (seed config).")
    static final class Kernel implements Runnable {
        @Option(names = "--seconds", defaultValue = "10", description = "Measured time (after the same again of warm-up).")
        double seconds;

        @Override
        public void run() {
            atLeast("--seconds", seconds, 0.01);
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
        @Option(names = "--generations", defaultValue = "12", description = "Generations timed (the first two, "
                + "warm-up, are left out of the medians).") int generations;
        @Option(names = "--threads", defaultValue = "2", description = "Pool threads; match the Spark master's cores.")
        int threads;
        @Option(names = "--breakdown", description = "Also print where a Spark generation's time goes, from Spark's "
                + "own events and task metrics (medians).") boolean breakdown;
        @Mixin SparkOptions spark;

        @Override
        public void run() {
            atLeast("--generations", generations, 3);
            atLeast("--threads", threads, 1);
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
                long[] called = new long[generations];
                long[] returned = new long[generations];
                StageTimeline timeline = StageTimeline.attach(session.sparkContext());
                Map<String, Long> sparkCpu = new java.util.TreeMap<>();
                Map<String, Long> poolCpu = new java.util.TreeMap<>();
                try (var viaSpark = new SparkPopulationEvaluator(jsc, blocks, s.evaluation.partitions);
                     var viaPool = new ThreadPoolEvaluator(blocks, threads)) {
                    for (int g = 0; g < generations; g++) {
                        Population pop = optimizer.ask();
                        Map<String, Long> cpu0 = ThreadCpu.byGroup();
                        called[g] = System.currentTimeMillis();
                        long t0 = System.nanoTime();
                        Evaluation[] a = viaSpark.evaluate(pop);
                        long t1 = System.nanoTime();
                        returned[g] = System.currentTimeMillis();
                        Map<String, Long> cpu1 = ThreadCpu.byGroup();
                        Evaluation[] b = viaPool.evaluate(pop);
                        long t2 = System.nanoTime();
                        Map<String, Long> cpu2 = ThreadCpu.byGroup();
                        if (g >= 2) {
                            ThreadCpu.accumulate(sparkCpu, cpu0, cpu1);
                            ThreadCpu.accumulate(poolCpu, cpu1, cpu2);
                        }
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
                if (breakdown) {
                    printBreakdown(timeline, called, returned);
                    ThreadCpu.print("Spark", sparkCpu, generations - 2);
                    ThreadCpu.print("pool", poolCpu, generations - 2);
                }
                timeline.detach(session.sparkContext());
                System.out.printf("fanout: master %s, %d pool threads, generations 3..%d: spark median %.0f ms, "
                                + "pool median %.0f ms, ratio %.3f (identical fitnesses)%n", session.sparkContext().master(),
                        threads, generations, sparkMedian, poolMedian, sparkMedian / poolMedian);
                return null;
            });
        }

        /**
         * Medians over generations 3.. of where a Spark generation's time goes, from Spark's events and
         * task metrics (see {@link StageTimeline}): what a thread pool also pays (the tasks' run time)
         * and what it does not (submission, launch, deserialisation, result handling, waiting).
         */
        private void printBreakdown(StageTimeline timeline, long[] called, long[] returned) {
            try {
                if (!timeline.awaitJobs(generations, 30, java.util.concurrent.TimeUnit.SECONDS)) {
                    System.out.println("breakdown: Spark's listener events did not all arrive; none printed");
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            String[] names = {"submit (call -> job start)", "stage set-up (job start -> stage submitted)",
                    "launch (stage submitted -> first task launched)", "launch spread (first -> last task launched)",
                    "task deserialisation (max)", "task run, wall (max)", "task run, CPU (max)",
                    "task run, wall (min)", "task GC (max)", "result serialisation (max)", "scheduler delay (max)",
                    "imbalance (first -> last task finished)", "job end (last task finished -> job end)",
                    "return (job end -> evaluate returned)", "tasks", "result bytes (total)"};
            double[][] v = new double[names.length][generations - 2];
            List<Integer> ids = timeline.jobs().keySet().stream().sorted().toList(); // one job per generation, in order
            for (int g = 2; g < generations; g++) {
                StageTimeline.Job job = timeline.jobs().get(ids.get(g));
                List<StageTimeline.Task> tasks = job.tasks;
                long firstLaunch = tasks.stream().mapToLong(StageTimeline.Task::launch).min().orElse(0);
                long lastLaunch = tasks.stream().mapToLong(StageTimeline.Task::launch).max().orElse(0);
                long firstFinish = tasks.stream().mapToLong(StageTimeline.Task::finish).min().orElse(0);
                long lastFinish = tasks.stream().mapToLong(StageTimeline.Task::finish).max().orElse(0);
                double[] row = {job.start - called[g], job.stageSubmitted - job.start, firstLaunch - job.stageSubmitted,
                        lastLaunch - firstLaunch,
                        tasks.stream().mapToLong(StageTimeline.Task::deserializeMs).max().orElse(0),
                        tasks.stream().mapToLong(StageTimeline.Task::runMs).max().orElse(0),
                        tasks.stream().mapToDouble(StageTimeline.Task::runCpuMs).max().orElse(0),
                        tasks.stream().mapToLong(StageTimeline.Task::runMs).min().orElse(0),
                        tasks.stream().mapToLong(StageTimeline.Task::gcMs).max().orElse(0),
                        tasks.stream().mapToLong(StageTimeline.Task::resultSerializationMs).max().orElse(0),
                        tasks.stream().mapToLong(StageTimeline.Task::schedulerDelayMs).max().orElse(0),
                        lastFinish - firstFinish, job.end - lastFinish, returned[g] - job.end, tasks.size(),
                        tasks.stream().mapToLong(StageTimeline.Task::resultBytes).sum()};
                for (int k = 0; k < names.length; k++) {
                    v[k][g - 2] = row[k];
                }
            }
            System.out.printf("breakdown of a Spark generation, medians of generations 3..%d (ms unless stated):%n",
                    generations);
            for (int k = 0; k < names.length; k++) {
                System.out.printf("  %-50s %8.1f%n", names[k], median(v[k]));
            }
        }

        private static double median(double[] v) {
            double[] c = v.clone();
            Arrays.sort(c);
            return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
        }
    }

    @Command(name = "nca", mixinStandardHelpOptions = true,
            description = "Neural CA forward throughput in cell-updates/s per engine and batch size (every cell alive "
                    + "and firing, so no work is skipped), then time per training epoch of the seed recipe.")
    static final class Nca implements Runnable {
        @Option(names = "--size", defaultValue = "64", description = "Grid side.") int size;
        @Option(names = "--batches", split = ",", defaultValue = "1,4,16", description = "Batch sizes measured forward.")
        int[] batches;
        @Option(names = "--steps", defaultValue = "20", description = "Measured forward steps.") int steps;
        @Option(names = "--warmup", defaultValue = "30", description = "Unmeasured steps first (the JIT compiles the kernels).")
        int warmup;
        @Option(names = "--engines", split = ",", defaultValue = "fused,matmul,conv1x1",
                description = "Engines to measure forward (fused, matmul, conv1x1).") String[] engines;
        @Option(names = "--epochs", defaultValue = "3", description = "Measured training epochs (seed recipe); 0 skips.")
        int epochs;
        @Option(names = "--engine", defaultValue = "fused", description = "Engine for the training epochs.") String engine;

        @Override
        public void run() {
            atLeast("--size", size, 3);
            for (int b : batches) {
                atLeast("--batches", b, 1);
            }
            atLeast("--steps", steps, 1);
            atLeast("--warmup", warmup, 0);
            atLeast("--epochs", epochs, 0);
            known("--engines", engines, NcaEngine.Kind::parse);
            known("--engine", new String[] {engine}, NcaEngine.Kind::parse);
            NcaConfig c = NcaConfig.SEED;
            NcaParameters p = NcaParameters.initial(c, 1);
            // a small non-zero last layer: real arithmetic, but the state stays alive for the whole measurement
            p.get("w2").assign(Nd4j.rand(DataType.FLOAT, p.get("w2").shape()).subi(0.5).muli(2e-3));
            System.out.printf("nca bench: %dx%d grid, %d channels, %d parameters, %d cores%n", size, size,
                    c.channels(), c.parameterCount(), Runtime.getRuntime().availableProcessors());
            for (String name : engines) {
                NcaEngine.Kind kind = NcaEngine.Kind.parse(name);
                for (int batch : batches) {
                    Growth g = new Growth(p, kind, 1.0, 0);
                    INDArray s = aliveState(c, batch);
                    g.run(s, 0, 0, warmup, Integer.MAX_VALUE, null);
                    long t0 = System.nanoTime();
                    g.run(s, 0, 0, steps, Integer.MAX_VALUE, null);
                    double sec = (System.nanoTime() - t0) / 1e9;
                    double rate = (double) batch * size * size * steps / sec;
                    System.out.printf("forward %-8s batch %3d: %8.2f ms/step, %.3g cell-updates/s (%.1f GFLOP/s)%n", kind,
                            batch, sec * 1e3 / steps, rate, rate * 2.0 * (c.parameterCount() - c.hidden() - c.channels()) / 1e9);
                }
            }
            if (epochs > 0) {
                NcaTrainer t = new NcaTrainer(NcaParameters.initial(c, 1), Target.disc(size), TrainingRecipe.SEED,
                        NcaEngine.Kind.parse(engine), 1);
                double total = 0;
                int totalSteps = 0;
                for (int e = 0; e < epochs; e++) {
                    NcaTrainer.EpochResult r = t.epoch(e);
                    total += r.millis();
                    totalSteps += r.steps();
                    System.out.printf("train epoch %d: %d steps, %.0f ms, loss %.5f%n", e, r.steps(), r.millis(), r.loss());
                }
                System.out.printf("train %s: seed recipe (pool 256, batch 4, U{64..95} steps): mean %.2f s/epoch, %.1f ms/step "
                                + "(forward + backward), projected 500 epochs %.2f h%n", NcaEngine.Kind.parse(engine), total / epochs / 1e3,
                        total / totalSteps, total / epochs * 500 / 3.6e6);
            }
        }

        /** Every cell alive (alpha in [0.5, 1]), other channels uniform in [-1, 1]. */
        private INDArray aliveState(NcaConfig c, int batch) {
            INDArray s = Nd4j.rand(DataType.FLOAT, batch, size, size, c.channels()).muli(2).subi(1);
            s.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(NcaConfig.ALPHA))
                    .assign(Nd4j.rand(DataType.FLOAT, batch, size, size).muli(0.5).addi(0.5));
            return s;
        }
    }
}
