package io.morphospark.jobs;

import io.morphospark.jobs.cli.Main;
import io.morphospark.jobs.zeppelin.DynamicForms;
import io.morphospark.jobs.zeppelin.NoteParagraph;
import io.morphospark.jobs.zeppelin.ScalaParagraphReplay;
import io.morphospark.jobs.zeppelin.SqlScript;
import io.morphospark.jobs.zeppelin.ZeppelinNote;
import io.morphospark.udfs.MorphoSparkFunctions;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every SQL paragraph of every note in {@code notebooks-zeppelin/} against a run directory
 * written by the real {@code es} job, in note order, as a Zeppelin Spark interpreter would: the
 * {@code run_dir} form becomes that directory, other forms take their defaults, each statement is
 * executed and collected, and every query must return rows.
 */
class ZeppelinNotesTest {
    @TempDir(factory = InBuildDirectory.class)
    static Path work;
    private static Path runDir;
    private static SparkSession spark;

    @BeforeAll
    static void runTheJobThenStartSpark() {
        runDir = work.resolve("es-run");
        // The job runs before this test's session exists, so it creates (and stops) its own, as from the CLI.
        int exit = Main.execute("es", "--preset", "lateral-inhibition", "--generations", "3", "--population", "6",
                "--replicates", "8", "--steps", "200", "--seed", "7", "--out", runDir.toString(), "--master", "local[2]");
        assertEquals(0, exit, "morphospark es exit code");
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("ZeppelinNotesTest")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @TestFactory
    List<DynamicNode> everySqlParagraphOfEveryNoteRuns() {
        Path notesDir = moduleDirectory().resolveSibling("notebooks-zeppelin");
        assertTrue(Files.isDirectory(notesDir), "no notes directory at " + notesDir);
        // sweep-*.zpln read a run catalogue, discovery-*.zpln a discover run and classifier-*.zpln a
        // classifier run, not an es run: SweepNcaSeedsTest, DiscoveryNoteTest and ClassifierTrialsTest execute their SQL
        List<ZeppelinNote> notes = ZeppelinNote.readAll(notesDir).stream()
                .filter(n -> !n.file().getFileName().toString().startsWith("sweep-"))
                .filter(n -> !n.file().getFileName().toString().startsWith("discovery-"))
                .filter(n -> !n.file().getFileName().toString().startsWith("classifier-")).toList();
        assertTrue(!notes.isEmpty(), "no .zpln note in " + notesDir);
        long sqlParagraphs = notes.stream().flatMap(n -> n.paragraphs().stream()).filter(NoteParagraph::isSql).count();
        assertTrue(sqlParagraphs > 0, "the notes in " + notesDir + " hold no SQL paragraph");

        List<DynamicNode> perNote = new ArrayList<>();
        for (ZeppelinNote note : notes) {
            // A fresh session per note (same SparkContext): one note's views cannot satisfy another's queries.
            SparkSession session = spark.newSession();
            MorphoSparkFunctions.register(session);
            List<DynamicTest> paragraphs = new ArrayList<>();
            for (NoteParagraph paragraph : note.paragraphs()) {
                if (paragraph.enabled() && (paragraph.isSql() || paragraph.isScala())) {
                    paragraphs.add(DynamicTest.dynamicTest(paragraph.interpreter() + " " + paragraph.label(),
                            () -> run(session, note, paragraph)));
                } else if (paragraph.enabled() && !paragraph.isMarkdown() && !paragraph.body().isBlank()) {
                    paragraphs.add(DynamicTest.dynamicTest(paragraph.label(), () -> fail(where(note, paragraph)
                            + " uses interpreter %" + paragraph.interpreter() + ", which this test cannot run")));
                }
            }
            perNote.add(DynamicContainer.dynamicContainer(note.file().getFileName().toString(), paragraphs));
        }
        return perNote;
    }

    private static void run(SparkSession session, ZeppelinNote note, NoteParagraph paragraph) {
        if (paragraph.isScala()) {
            ScalaParagraphReplay.replay(paragraph, session);
            return;
        }
        String sql = DynamicForms.expand(paragraph.body(), Map.of("run_dir", runDir.toString()));
        List<String> statements = SqlScript.statements(sql);
        if (statements.isEmpty()) {
            fail(where(note, paragraph) + " holds no SQL statement");
        }
        for (String statement : statements) {
            Row[] rows;
            try {
                rows = (Row[]) session.sql(statement).collect();
            } catch (Exception e) {
                throw new AssertionError(where(note, paragraph) + " failed on statement:\n" + statement + "\n→ " + e, e);
            }
            if (SqlScript.isQuery(statement) && rows.length == 0) {
                fail(where(note, paragraph) + " returned no rows for:\n" + statement);
            }
        }
    }

    /**
     * Temporary directories under {@code target/} rather than the shared {@code /tmp}: a run
     * directory once vanished mid-test there while other builds ran on the same machine.
     */
    static final class InBuildDirectory implements TempDirFactory {
        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws Exception {
            Path parent = Files.createDirectories(moduleDirectory().resolve("target").resolve("test-tmp"));
            return Files.createTempDirectory(parent, "zeppelin-notes-");
        }
    }

    private static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    }

    private static String where(ZeppelinNote note, NoteParagraph paragraph) {
        return "note \"" + note.name() + "\" (" + note.file().getFileName() + "), paragraph " + paragraph.label();
    }
}
