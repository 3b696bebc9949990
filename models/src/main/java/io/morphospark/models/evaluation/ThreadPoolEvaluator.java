package io.morphospark.models.evaluation;

import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.Evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Evaluates on a plain Java thread pool: for local loops, tests, and as the baseline the Spark
 * fan-out is benchmarked against. Items are dealt to threads by {@link BlockEvaluation#deal}, as to
 * Spark's tasks.
 */
public final class ThreadPoolEvaluator implements PopulationEvaluator {
    private final BlockEvaluation blocks;
    private final int threads;
    private final ExecutorService pool;

    public ThreadPoolEvaluator(BlockEvaluation blocks, int threads) {
        this.blocks = blocks;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "evaluator");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Evaluation[] evaluate(Population population) {
        List<WorkItem> items = blocks.plan(population.size());
        List<Future<List<WorkResult>>> futures = new ArrayList<>();
        for (List<WorkItem> slice : BlockEvaluation.deal(items, threads)) {
            futures.add(pool.submit(() -> {
                List<WorkResult> out = new ArrayList<>(slice.size());
                for (WorkItem item : slice) {
                    out.add(blocks.run(population, item));
                }
                return out;
            }));
        }
        List<WorkResult> results = new ArrayList<>(items.size());
        try {
            for (Future<List<WorkResult>> f : futures) {
                results.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
        }
        return blocks.reduce(population.size(), results);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
