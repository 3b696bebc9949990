package io.morphospark.jobs.cli;

import io.morphospark.jobs.es.EsSettings;
import io.morphospark.models.evaluation.BlockEvaluation;
import io.morphospark.models.evaluation.ThreadPoolEvaluator;
import io.morphospark.models.nca.GrowingNcaProblem;
import io.morphospark.models.nca.NcaConfig;
import io.morphospark.models.nca.NcaEngine;
import io.morphospark.models.nca.NcaParameters;
import io.morphospark.models.nca.NcaTrainer;
import io.morphospark.models.nca.Target;
import io.morphospark.models.nca.TrainingRecipe;
import io.morphospark.models.optim.Optimizer;
import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.problem.EvaluationKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code morphospark bench nca-es-vs-gradient}: the same growing NCA on the same disc, trained for
 * the same wall time by pool-based BPTT and by an evolution strategy (both on the fused CPU engine,
 * both using every core), scored by one yardstick: the mean RGBA loss of {@code score-rollouts}
 * fixed stochastic growths from the seed. Training time excludes scoring.
 */
@Command(name = "nca-es-vs-gradient", mixinStandardHelpOptions = true,
        description = "Gradient (BPTT) vs evolution strategy on the growing-NCA disc at equal wall time.")
final class NcaEsVsGradientBench implements Runnable {
    @Option(names = "--seconds", defaultValue = "300", description = "Training wall time per method.") double seconds;
    @Option(names = "--size", defaultValue = "32", description = "Disc target side.") int size;
    @Option(names = "--min-steps", defaultValue = "48", description = "Fewest growth steps per rollout.") int minSteps;
    @Option(names = "--max-steps", defaultValue = "63", description = "Most growth steps per rollout.") int maxSteps;
    @Option(names = "--algorithm", defaultValue = "openai-es", description = "ES algorithm (as es --algorithm).")
    String algorithm;
    @Option(names = "--population", defaultValue = "32", description = "ES population.") int population;
    @Option(names = "--rollouts", defaultValue = "2", description = "ES rollouts per candidate.") int rollouts;
    @Option(names = "--sigma", defaultValue = "0.02", description = "ES perturbation size.") double sigma;
    @Option(names = "--learning-rate", defaultValue = "0.01", description = "ES learning rate (openai-es, pgpe, snes).")
    double learningRate;
    @Option(names = "--checkpoints", defaultValue = "6", description = "Scores reported during each run.") int checkpoints;
    @Option(names = "--score-rollouts", defaultValue = "16", description = "Growths from the seed averaged by the score.")
    int scoreRollouts;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the initial parameters and of every draw.") long seed;

    @Override
    public void run() {
        BenchCommand.atLeast("--seconds", seconds, 0.01);
        BenchCommand.atLeast("--size", size, 3);
        BenchCommand.atLeast("--min-steps", minSteps, 1);
        BenchCommand.atLeast("--max-steps", maxSteps, minSteps);
        BenchCommand.atLeast("--population", population, 2);
        BenchCommand.atLeast("--rollouts", rollouts, 1);
        BenchCommand.atLeast("--sigma", sigma, Double.MIN_VALUE);
        BenchCommand.atLeast("--learning-rate", learningRate, Double.MIN_VALUE);
        BenchCommand.atLeast("--checkpoints", checkpoints, 1);
        BenchCommand.atLeast("--score-rollouts", scoreRollouts, 1);
        Target disc = Target.disc(size);
        GrowingNcaProblem yardstick = new GrowingNcaProblem(NcaConfig.SEED, disc, scoreRollouts, minSteps, maxSteps, 0.5,
                NcaEngine.Kind.FUSED);
        System.out.printf("nca es vs gradient: %dx%d disc, steps %d..%d, %.0f s each, score = mean loss of %d growths "
                + "from the seed (lower is better), %d cores%n", size, size, minSteps, maxSteps, seconds, scoreRollouts,
                Runtime.getRuntime().availableProcessors());
        NcaParameters start = NcaParameters.initial(NcaConfig.SEED, seed);
        System.out.printf("untrained: score %.5f%n", score(yardstick, GrowingNcaProblem.flatten(start)));
        gradient(yardstick, disc, start.copy());
        evolution(yardstick);
    }

    private void gradient(GrowingNcaProblem yardstick, Target disc, NcaParameters p) {
        TrainingRecipe recipe = new TrainingRecipe(256, 4, minSteps, maxSteps, 2e-3, 1.0, TrainingRecipe.GradientMode.CLIP, 0,
                0.5, false, 1);
        NcaTrainer trainer = new NcaTrainer(p, disc, recipe, NcaEngine.Kind.FUSED, seed);
        Progress progress = new Progress("gradient (BPTT, pool 256, batch 4, Adam 2e-3)");
        int epoch = 0;
        long rollouts = 0;
        while (!progress.done()) {
            long t0 = System.nanoTime();
            trainer.epoch(epoch++);
            progress.trained(System.nanoTime() - t0);
            rollouts += recipe.batch();
            if (progress.checkpointDue()) {
                progress.report(epoch + " epochs", rollouts, score(yardstick, GrowingNcaProblem.flatten(trainer.parameters())));
            }
        }
    }

    private void evolution(GrowingNcaProblem yardstick) {
        EsSettings s = EsSettings.preset("lateral-inhibition");
        s.seed = seed;
        s.problem.name = "growing-nca";
        s.problem.nca.size = size;
        s.problem.nca.rollouts = rollouts;
        s.problem.nca.minSteps = minSteps;
        s.problem.nca.maxSteps = maxSteps;
        s.problem.nca.engine = "fused";
        s.optimizer.algorithm = algorithm;
        s.optimizer.population = population;
        s.optimizer.sigma = sigma;
        s.optimizer.learningRate = learningRate;
        GrowingNcaProblem problem = (GrowingNcaProblem) s.buildProblem();
        Optimizer optimizer = s.buildOptimizer(problem);
        Progress progress = new Progress(algorithm + " (population " + population + " x " + rollouts + " rollouts, sigma "
                + sigma + ", lr " + learningRate + ")");
        long evaluations = 0;
        try (ThreadPoolEvaluator evaluator = new ThreadPoolEvaluator(new BlockEvaluation(problem, seed, 1),
                Runtime.getRuntime().availableProcessors())) {
            double[] best = null;
            while (!progress.done()) {
                long t0 = System.nanoTime();
                Population pop = optimizer.ask();
                Evaluation[] evals = evaluator.evaluate(pop);
                double[] fitness = new double[evals.length];
                int argmax = 0;
                for (int i = 0; i < evals.length; i++) {
                    fitness[i] = evals[i].fitness();
                    argmax = fitness[i] > fitness[argmax] ? i : argmax;
                }
                best = pop.candidate(argmax).clone();
                optimizer.tell(fitness);
                progress.trained(System.nanoTime() - t0);
                evaluations += (long) evals.length * rollouts;
                if (progress.checkpointDue()) {
                    progress.report(optimizer.generation() + " generations", evaluations, score(yardstick, best));
                }
            }
        }
    }

    private double score(GrowingNcaProblem yardstick, double[] parameters) {
        return yardstick.reduce(List.of(yardstick.evaluateBlock(parameters, new EvaluationKey(seed + 99, 0, 0), 0,
                scoreRollouts))).metrics()[0];
    }

    /** Training time so far (scoring excluded) and when the next score is due. */
    private final class Progress {
        private final String method;
        private long trainedNanos;
        private int reported;
        private final List<String> lines = new ArrayList<>();

        Progress(String method) {
            this.method = method;
            System.out.printf("%n%s%n", method);
        }

        void trained(long nanos) {
            trainedNanos += nanos;
        }

        boolean done() {
            return trainedNanos / 1e9 >= seconds;
        }

        boolean checkpointDue() {
            return trainedNanos / 1e9 >= seconds * (reported + 1) / checkpoints || done();
        }

        void report(String iterations, long rollouts, double score) {
            reported++;
            String line = String.format("  %7.1f s  %-18s %8d rollouts  score %.5f", trainedNanos / 1e9, iterations,
                    rollouts, score);
            lines.add(line);
            System.out.println(line);
        }
    }
}
