package io.morphospark.jobs.spark;

import io.morphospark.models.evaluation.BlockEvaluation;
import io.morphospark.models.evaluation.ThreadPoolEvaluator;
import io.morphospark.models.optim.MuPlusLambdaEs;
import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.regulatory.Boundary;
import io.morphospark.models.regulatory.LateralInhibitionConfig;
import io.morphospark.models.regulatory.LateralInhibitionProblem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape of a generation on Spark, as {@link StageTimeline} records it: one job with one stage
 * per generation (no second action), as many tasks as asked (never more than items), every task's
 * metrics present, and the same evaluations as a thread pool whatever the task count.
 */
class FanoutStageTest {
    static SparkSession spark;
    static LateralInhibitionProblem problem;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
        problem = new LateralInhibitionProblem(
                new LateralInhibitionConfig(7, 10, 0.01, 100, 0.1, 0.5, 0.1, Boundary.ZERO_PADDED, new int[] {8, 8}),
                LateralInhibitionProblem.Utility.HARD);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void oneJobOneStageAndTheAskedTasksPerGeneration() throws Exception {
        Population population = new MuPlusLambdaEs(problem, 6, 2, 0.1, 3).ask(); // 6 candidates × 3 blocks (4, 4, 2)
        BlockEvaluation blocks = new BlockEvaluation(problem, 11, 4);
        Evaluation[] expected;
        try (var pool = new ThreadPoolEvaluator(blocks, 2)) {
            expected = pool.evaluate(population);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        for (int partitions : new int[] {0, 1, 5, 100}) {
            StageTimeline timeline = StageTimeline.attach(spark.sparkContext());
            Evaluation[] got;
            try (var evaluator = new SparkPopulationEvaluator(jsc, blocks, partitions)) {
                got = evaluator.evaluate(population);
                got = evaluator.evaluate(population); // a second generation: a second job, nothing else
            }
            assertTrue(timeline.awaitJobs(2, 60, TimeUnit.SECONDS), "listener events of both jobs");
            timeline.detach(spark.sparkContext());
            assertEquals(2, timeline.jobs().size(), "one job per generation (partitions " + partitions + ")");
            int tasks = partitions == 0 ? 2 : Math.min(partitions, 18); // 0: one per core of local[2]; at most one per item
            for (StageTimeline.Job job : timeline.jobs().values()) {
                List<StageTimeline.Task> t = job.tasks;
                assertEquals(tasks, t.size(), "tasks of a generation with partitions " + partitions);
                assertTrue(job.start >= 0 && job.stageSubmitted >= job.start && job.end >= job.stageSubmitted);
                for (StageTimeline.Task task : t) {
                    assertTrue(task.finish() >= task.launch() && task.runMs() >= 0 && task.runCpuMs() >= 0
                            && task.resultBytes() > 0 && task.schedulerDelayMs() >= 0, task.toString());
                }
            }
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i].fitness(), got[i].fitness(), 0.0, "candidate " + i + ", partitions " + partitions);
                assertArrayEquals(expected[i].metrics(), got[i].metrics(), 0.0);
                assertArrayEquals(expected[i].patterns(), got[i].patterns());
            }
        }
    }
}
