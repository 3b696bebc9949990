package io.morphospark.jobs.es;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.jobs.nca.GrowingNcaArtifacts;
import io.morphospark.models.nca.GrowingNcaProblem;
import io.morphospark.models.problem.Problem;
import io.morphospark.models.regulatory.LateralInhibitionProblem;
import org.apache.spark.sql.SparkSession;

import java.util.Map;
import java.util.function.Function;

/**
 * What a problem adds to an ES run beyond the generic tables (its own tables, plots, an exported
 * model), for the final best candidate. The job asks {@link #of} for the problem's writer by the
 * problem's name and never looks at its type: a new problem plugs in with one registry entry here.
 */
@FunctionalInterface
public interface ProblemArtifacts {
    /** Problems whose runs have nothing beyond the generic tables (the validation functions). */
    ProblemArtifacts NONE = (spark, dir, best, settings, summary) -> { };

    /** Writes into {@code dir}'s staging directory; puts what it measures into {@code summary}. */
    void write(SparkSession spark, RunDirectory dir, double[] best, EsSettings settings, ObjectNode summary);

    /** The writer registered under {@code problem.name()}, else {@link #NONE}. */
    static ProblemArtifacts of(Problem problem) {
        return Registry.BY_NAME.getOrDefault(problem.name(), p -> NONE).apply(problem);
    }

    /** Problem name → writer for that problem; each entry names the problem type its writer needs. */
    final class Registry {
        private static final Map<String, Function<Problem, ProblemArtifacts>> BY_NAME = Map.ofEntries(
                entry("lateral-inhibition", LateralInhibitionProblem.class,
                        problem -> (spark, dir, best, settings, summary) ->
                                new LateralInhibitionArtifacts(problem, best, settings.seed).write(spark, dir,
                                        settings.output.trajectoryReplicates, settings.output.trajectoryStride,
                                        settings.evaluation.validationReplicates, summary)),
                entry("growing-nca", GrowingNcaProblem.class,
                        problem -> (spark, dir, best, settings, summary) ->
                                new GrowingNcaArtifacts(problem, best, settings.seed).write(spark, dir.staging(),
                                        2 * problem.maxSteps(), settings.output.trajectoryStride, summary)));

        private Registry() {
        }

        private static <P extends Problem> Map.Entry<String, Function<Problem, ProblemArtifacts>> entry(
                String name, Class<P> type, Function<P, ProblemArtifacts> writer) {
            return Map.entry(name, problem -> writer.apply(type.cast(problem)));
        }
    }
}
