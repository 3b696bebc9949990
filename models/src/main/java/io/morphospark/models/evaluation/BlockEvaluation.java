package io.morphospark.models.evaluation;

import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.BlockResult;
import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.problem.EvaluationKey;
import io.morphospark.models.problem.Problem;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The part of population evaluation that does not depend on where it runs: splitting a
 * population into (candidate × replicate block) work items, evaluating one item, and reducing the
 * results in a fixed order. Whatever order items finish in, the reduction sees them sorted, so
 * the fitnesses are bit-identical on any number of executors, partitions or retries.
 */
public final class BlockEvaluation implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Problem problem;
    private final long seed;
    private final int blockSize;

    public BlockEvaluation(Problem problem, long seed, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("replicate block must be at least 1, got " + blockSize);
        }
        this.problem = problem;
        this.seed = seed;
        this.blockSize = Math.min(blockSize, problem.replicates());
    }

    public Problem problem() {
        return problem;
    }

    public List<WorkItem> plan(int populationSize) {
        List<WorkItem> items = new ArrayList<>();
        int replicates = problem.replicates();
        for (int c = 0; c < populationSize; c++) {
            for (int first = 0; first < replicates; first += blockSize) {
                items.add(new WorkItem(c, first, Math.min(blockSize, replicates - first)));
            }
        }
        return items;
    }

    /**
     * Deals work items to {@code tasks} tasks so that each gets about the same expected cost: items in
     * plan order, larger blocks first, each to the least-loaded task (cost = replicates; ties to the
     * lower task). Uniform items thus go round-robin, so every task gets blocks of every candidate
     * rather than a contiguous run of candidates whose costs may differ (an NCA that dies early, a
     * shorter last block). The deal depends only on the items and the task count, never on timing;
     * results are reduced by item, so any assignment gives the same bits.
     */
    public static List<List<WorkItem>> deal(List<WorkItem> items, int tasks) {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be at least 1, got " + tasks);
        }
        int n = Math.min(tasks, Math.max(1, items.size()));
        List<List<WorkItem>> out = new ArrayList<>(n);
        long[] load = new long[n];
        for (int t = 0; t < n; t++) {
            out.add(new ArrayList<>());
        }
        List<WorkItem> bySize = new ArrayList<>(items);
        bySize.sort(Comparator.comparingInt(WorkItem::count).reversed()); // stable: plan order within a size
        for (WorkItem item : bySize) {
            int least = 0;
            for (int t = 1; t < n; t++) {
                if (load[t] < load[least]) {
                    least = t;
                }
            }
            out.get(least).add(item);
            load[least] += item.count();
        }
        return out;
    }

    public WorkResult run(Population population, WorkItem item) {
        EvaluationKey key = new EvaluationKey(seed, population.generation(), item.candidate());
        BlockResult r = problem.evaluateBlock(population.candidate(item.candidate()), key, item.firstReplicate(), item.count());
        return new WorkResult(item, r);
    }

    public Evaluation[] reduce(int populationSize, List<WorkResult> results) {
        List<WorkResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingInt((WorkResult w) -> w.item().candidate())
                .thenComparingInt(w -> w.item().firstReplicate()));
        Evaluation[] out = new Evaluation[populationSize];
        int i = 0;
        for (int c = 0; c < populationSize; c++) {
            List<BlockResult> blocks = new ArrayList<>();
            while (i < sorted.size() && sorted.get(i).item().candidate() == c) {
                blocks.add(sorted.get(i++).result());
            }
            out[c] = problem.reduce(blocks);
        }
        return out;
    }
}
