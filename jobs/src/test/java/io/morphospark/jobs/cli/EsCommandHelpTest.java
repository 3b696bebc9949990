package io.morphospark.jobs.cli;

import io.morphospark.jobs.es.EsSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code es --help} describes every option and states the preset's defaults truthfully. */
class EsCommandHelpTest {
    static final List<String> WITHOUT_DEFAULT = List.of("--config", "--out", "--resume", "--help", "--version",
            "--sigma", "--learning-rate", "--parents");

    static final CommandLine ES = new CommandLine(new EsCommand());

    @Test
    void everyOptionHasADescriptionAndItsDefault() {
        for (OptionSpec o : ES.getCommandSpec().options()) {
            String text = String.join(" ", o.description());
            assertFalse(text.isBlank(), o.longestName() + " has no description");
            if (!WITHOUT_DEFAULT.contains(o.longestName())) {
                assertTrue(text.contains("default"), o.longestName() + " does not state its default: " + text);
            }
        }
    }

    @Test
    void statedDefaultsAreThePresetValues() {
        EsSettings s = EsSettings.preset("lateral-inhibition");
        Map<String, Number> actual = Map.ofEntries(
                Map.entry("--seed", s.seed), Map.entry("--generations", s.generations),
                Map.entry("--cells", s.problem.cells), Map.entry("--replicates", s.problem.replicates),
                Map.entry("--dt", s.problem.dt), Map.entry("--steps", s.problem.steps),
                Map.entry("--time", s.problem.steps * s.problem.dt), Map.entry("--noise", s.problem.noise),
                Map.entry("--population", s.optimizer.population), Map.entry("--mutation", s.optimizer.mutation),
                Map.entry("--replicate-block", s.evaluation.replicateBlock),
                Map.entry("--partitions", s.evaluation.partitions),
                Map.entry("--validation-replicates", s.evaluation.validationReplicates),
                Map.entry("--trajectory-replicates", s.output.trajectoryReplicates),
                Map.entry("--trajectory-stride", s.output.trajectoryStride),
                Map.entry("--dim", s.problem.dim), Map.entry("--nca-size", s.problem.nca.size),
                Map.entry("--rollouts", s.problem.nca.rollouts));
        Pattern stated = Pattern.compile("default:? ([0-9.]+)");
        for (Map.Entry<String, Number> e : actual.entrySet()) {
            String text = String.join(" ", ES.getCommandSpec().findOption(e.getKey()).description());
            Matcher m = stated.matcher(text);
            assertTrue(m.find(), e.getKey() + ": " + text);
            assertEquals(e.getValue().doubleValue(), Double.parseDouble(m.group(1).replaceAll("\\.$", "")), 1e-12, e.getKey());
        }
        assertTrue(String.join(" ", ES.getCommandSpec().findOption("--boundary").description())
                .contains(s.problem.boundary + " (default)"));
        assertTrue(String.join(" ", ES.getCommandSpec().findOption("--hidden").description()).contains("default 8,8"));
        assertEquals(List.of(8, 8), java.util.Arrays.stream(s.problem.hidden).boxed().toList());
    }
}
