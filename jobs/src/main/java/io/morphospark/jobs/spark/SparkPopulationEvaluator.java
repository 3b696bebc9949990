package io.morphospark.jobs.spark;

import io.morphospark.jobs.gpu.DevicePinning;
import io.morphospark.models.evaluation.BlockEvaluation;
import io.morphospark.models.evaluation.PopulationEvaluator;
import io.morphospark.models.evaluation.WorkItem;
import io.morphospark.models.evaluation.WorkResult;
import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.Evaluation;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.util.List;

/**
 * Fans a population out as one Spark stage over (candidate × replicate block) items. Executors get
 * the population and the problem, return small block results, and the driver reduces them in a
 * fixed order, so the outcome does not depend on the cluster's shape or on task retries.
 *
 * <p>The problem (with its block plan and seed) is broadcast once per run and kept by each
 * executor, so a generation's stage carries only the population recipe and the items: before,
 * every stage serialised the whole problem into its task binary again. An executor that joins
 * late or replaces a lost one fetches the same broadcast bytes, so results stay bit-identical.
 */
public final class SparkPopulationEvaluator implements PopulationEvaluator {
    private final JavaSparkContext context;
    private final BlockEvaluation blocks;
    private final Broadcast<BlockEvaluation> shared;
    private final int partitions;

    /** @param partitions tasks per generation; 0 means one per default-parallelism slot */
    public SparkPopulationEvaluator(JavaSparkContext context, BlockEvaluation blocks, int partitions) {
        this.context = context;
        this.blocks = blocks;
        this.shared = context.broadcast(blocks);
        this.partitions = partitions > 0 ? partitions : context.defaultParallelism();
    }

    @Override
    public Evaluation[] evaluate(Population population) {
        List<WorkItem> items = blocks.plan(population.size());
        Broadcast<BlockEvaluation> task = shared;
        context.setJobDescription("generation " + population.generation());
        List<WorkResult> results = context.parallelize(items, Math.min(partitions, items.size()))
                .map(item -> {
                    DevicePinning.pinToTaskGpu(); // ND4J work of this task goes to the GPU Spark gave it
                    return task.value().run(population, item);
                })
                .collect();
        return blocks.reduce(population.size(), results);
    }

    /**
     * Drops the executors' copies of the problem once the run is done with them. When the context is
     * already stopping (a signal, a failed job) its broadcasts go with it: a removal then would run
     * on Spark's shut-down thread pools, whose rejection Scala prints as a stack trace.
     */
    @Override
    public void close() {
        if (!context.sc().isStopped()) {
            shared.destroy();
        }
    }
}
