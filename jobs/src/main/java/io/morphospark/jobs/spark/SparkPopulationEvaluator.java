package io.morphospark.jobs.spark;

import io.morphospark.jobs.gpu.DevicePinning;
import io.morphospark.models.evaluation.BlockEvaluation;
import io.morphospark.models.evaluation.PopulationEvaluator;
import io.morphospark.models.evaluation.WorkItem;
import io.morphospark.models.evaluation.WorkResult;
import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.Evaluation;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>What a generation costs beyond a thread pool's (measured with {@code bench fanout --breakdown}):
 * the job is run with {@link SparkContext#runJob} over one partition per task, each partition holding
 * that task's items as dealt by {@link BlockEvaluation#deal}, and a named function class instead of
 * {@code parallelize(items).map(lambda).collect()}. A lambda makes Spark's closure cleaner read and
 * scan the byte code of the classes that declare it (JavaRDDLike, RDD) with ASM on every generation,
 * which was the largest part of the driver's CPU per generation; a named class is only checked to be
 * serialisable. The deal balances expected cost rather than item count.
 */
public final class SparkPopulationEvaluator implements PopulationEvaluator {
    private static final ClassTag<WorkItem[]> ITEMS = ClassTag$.MODULE$.apply(WorkItem[].class);
    private static final ClassTag<WorkResult[]> RESULTS = ClassTag$.MODULE$.apply(WorkResult[].class);

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
        List<WorkItem[]> perTask = BlockEvaluation.deal(items, partitions).stream()
                .map(task -> task.toArray(WorkItem[]::new)).toList();
        context.setJobDescription("generation " + population.generation());
        // one element per partition: parallelize slices a sequence of n elements into n partitions of one
        RDD<WorkItem[]> tasks = context.sc().parallelize(CollectionConverters.asScala(perTask).toSeq(), perTask.size(), ITEMS);
        WorkResult[][] results = (WorkResult[][]) context.sc().runJob(tasks, new GenerationTask(shared, population), RESULTS);
        List<WorkResult> all = new ArrayList<>(items.size());
        for (WorkResult[] r : results) {
            all.addAll(Arrays.asList(r));
        }
        return blocks.reduce(population.size(), all);
    }

    /**
     * What one task runs: its items of one generation, in order, against the executor's copy of the
     * broadcast problem. A named class, not a lambda, so the driver's closure cleaner has nothing to
     * scan (see the class comment).
     */
    static final class GenerationTask extends AbstractFunction2<TaskContext, Iterator<WorkItem[]>, WorkResult[]>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Broadcast<BlockEvaluation> shared;
        private final Population population;

        GenerationTask(Broadcast<BlockEvaluation> shared, Population population) {
            this.shared = shared;
            this.population = population;
        }

        @Override
        public WorkResult[] apply(TaskContext task, Iterator<WorkItem[]> partition) {
            DevicePinning.pinToTaskGpu(); // ND4J work of this task goes to the GPU Spark gave it
            BlockEvaluation evaluation = shared.value();
            List<WorkResult> out = new ArrayList<>();
            while (partition.hasNext()) {
                for (WorkItem item : partition.next()) {
                    out.add(evaluation.run(population, item));
                }
            }
            return out.toArray(WorkResult[]::new);
        }
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
