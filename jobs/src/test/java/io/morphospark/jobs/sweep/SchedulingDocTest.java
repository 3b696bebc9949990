package io.morphospark.jobs.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/SCHEDULING.md: each schedule's MorphoSpark command line parses with the real CLI (no run), the
 * YAML is well-formed, the Kubernetes manifest forbids concurrent runs, and the example specs expand.
 */
class SchedulingDocTest {
    static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    static final String MAIN = "io.morphospark.jobs.cli.Main";

    static String block(String language) throws Exception {
        return block(language, "");
    }

    /** The first ```language block of docs/SCHEDULING.md that contains {@code containing}. */
    static String block(String language, String containing) throws Exception {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(REPO.resolve("docs/SCHEDULING.md")));
        while (m.find()) {
            if (m.group(1).contains(containing)) {
                return m.group(1);
            }
        }
        throw new AssertionError("docs/SCHEDULING.md has no ```" + language + " block with " + containing);
    }

    /** Parses as `morphospark ARGS` would, without running: the sub-command must be sweep, with a spec. */
    static void parsesAsASweep(List<String> args) {
        CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
        assertTrue(parsed.hasSubcommand(), "no sub-command in " + args);
        CommandLine.ParseResult sweep = parsed.subcommand();
        assertEquals("sweep", sweep.commandSpec().name());
        assertTrue(sweep.hasMatchedOption("--spec"), "no --spec in " + args);
        assertTrue(sweep.matchedOptionValue("--out", (Path) null) == null
                || sweep.matchedOptionValue("--out", (Path) null).isAbsolute(), "a schedule names an absolute root");
    }

    @Test
    void crontabLineRunsSparkSubmitWithTheClusterJar() throws Exception {
        String line = block("crontab").lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow();
        List<String> fields = Arrays.asList(line.trim().split("\\s+"));
        for (String f : fields.subList(0, 5)) {
            assertTrue(f.matches("[0-9*/,-]+"), "cron field " + f);
        }
        List<String> command = fields.subList(5, fields.size());
        int submit = command.indexOf(command.stream().filter(t -> t.endsWith("/spark-submit")).findFirst().orElseThrow());
        assertEquals(MAIN, command.get(command.indexOf("--class") + 1));
        int jar = indexOfJar(command);
        assertTrue(jar > submit);
        List<String> args = new ArrayList<>(command.subList(jar + 1, command.size()));
        int redirect = args.indexOf(">>");
        parsesAsASweep(redirect < 0 ? args : args.subList(0, redirect));
    }

    @Test
    void airflowDagUsesSparkSubmitOperatorWithTheCli() throws Exception {
        String dag = block("python");
        assertTrue(dag.contains("SparkSubmitOperator("));
        assertTrue(dag.contains("java_class=\"" + MAIN + "\""));
        assertTrue(dag.matches("(?s).*application=\"[^\"]+-cluster\\.jar\".*"));
        Matcher m = Pattern.compile("application_args=(\\[.*?\\])", Pattern.DOTALL).matcher(dag);
        assertTrue(m.find());
        List<String> args = Arrays.asList(new ObjectMapper().readValue(m.group(1), String[].class));
        parsesAsASweep(args);
        Matcher schedule = Pattern.compile("schedule=\"([^\"]+)\"").matcher(dag);
        assertTrue(schedule.find());
        assertEquals(5, schedule.group(1).split(" ").length);
    }

    @Test
    void scheduledSparkApplicationIsWellFormedAndForbidsOverlap() throws Exception {
        JsonNode k8s = new ObjectMapper(new YAMLFactory()).readTree(block("yaml", "kind: ScheduledSparkApplication"));
        assertEquals("ScheduledSparkApplication", k8s.path("kind").asText());
        assertEquals("Forbid", k8s.path("spec").path("concurrencyPolicy").asText());
        assertEquals(5, k8s.path("spec").path("schedule").asText().split(" ").length);
        JsonNode template = k8s.path("spec").path("template");
        assertEquals(MAIN, template.path("mainClass").asText());
        assertTrue(template.path("mainApplicationFile").asText().endsWith("-cluster.jar"));
        List<String> args = new ArrayList<>();
        template.path("arguments").forEach(a -> args.add(a.asText()));
        parsesAsASweep(args);
    }

    @Test
    void theSpecBlockAndTheExampleSpecsExpand(@TempDir Path tmp) throws Exception {
        String yaml = Files.readString(REPO.resolve("docs/SCHEDULING.md"));
        Matcher m = Pattern.compile("```yaml\\n(job: .*?)```", Pattern.DOTALL).matcher(yaml);
        assertTrue(m.find(), "the spec example");
        Path spec = tmp.resolve("doc-spec.yaml");
        Files.writeString(spec, m.group(1));
        for (Path s : List.of(spec, REPO.resolve("specs/sweeps/nca-seeds.yaml"), REPO.resolve("specs/sweeps/es-algorithms.yaml"),
                REPO.resolve("specs/sweeps/bench-nca.yaml"), REPO.resolve("specs/sweeps/bench-es.yaml"),
                REPO.resolve("specs/sweeps/datasets-density.yaml"))) {
            SweepConsole r = SweepConsole.of("sweep", "--spec", s.toString(), "--out", tmp.resolve("root").toString(), "--dry-run");
            assertEquals(ExitCodes.OK, r.exitCode(), s + ": " + r.err());
        }
    }

    private static int indexOfJar(List<String> command) {
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i).endsWith("-cluster.jar")) {
                return i;
            }
        }
        throw new AssertionError("no cluster jar in " + command);
    }
}
