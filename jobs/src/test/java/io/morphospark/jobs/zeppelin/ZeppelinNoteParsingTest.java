package io.morphospark.jobs.zeppelin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The note reader, form expansion and statement splitter that ZeppelinNotesTest relies on. */
class ZeppelinNoteParsingTest {
    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        List<String> statements = SqlScript.statements("""
                -- a comment; not a statement
                CREATE VIEW v AS SELECT 'a;b' AS s, "c;d" AS t, `e;f` AS u;  /* also ; not */
                SELECT * FROM v -- trailing; comment
                ;;
                """);
        assertEquals(List.of("CREATE VIEW v AS SELECT 'a;b' AS s, \"c;d\" AS t, `e;f` AS u", "SELECT * FROM v"), statements);
    }

    @Test
    void tellsQueriesFromCommands() {
        assertTrue(SqlScript.isQuery("select 1"));
        assertTrue(SqlScript.isQuery("WITH a AS (SELECT 1) SELECT * FROM a"));
        assertTrue(SqlScript.isQuery("(SELECT 1) UNION ALL (SELECT 2)"));
        assertFalse(SqlScript.isQuery("CREATE OR REPLACE TEMPORARY VIEW x USING parquet OPTIONS (path '/p')"));
    }

    @Test
    void expandsParagraphAndNoteFormsWithGivenValuesOrDefaults() {
        Map<String, String> values = Map.of("run_dir", "/runs/es-7");
        assertEquals("path '/runs/es-7/patterns'", DynamicForms.expand("path '${run_dir=/path/to/run}/patterns'", values));
        assertEquals("/runs/es-7", DynamicForms.expand("$${run_dir=/elsewhere}", values));
        assertEquals("/runs/es-7", DynamicForms.expand("${run_dir(Run directory)=/x}", values));
        assertEquals("10", DynamicForms.expand("${top=10}", values));
        assertEquals("b", DynamicForms.expand("${mode=b,a|b|c}", values));
        assertThrows(IllegalArgumentException.class, () -> DynamicForms.expand("${nothing}", values));
    }

    @Test
    void readsInterpreterAndBodyOfEachParagraph(@TempDir Path dir) throws Exception {
        Path note = dir.resolve("n.zpln");
        Files.writeString(note, """
                {"paragraphs": [
                   {"id": "p1", "title": "Intro", "text": "%md\\n# Hi", "config": {}, "settings": {}},
                   {"id": "p2", "text": "%spark.sql(limit=5)\\nSELECT 1", "config": {"enabled": false}, "settings": {}},
                   {"id": "p3", "text": "val x = 1", "config": {}, "settings": {}}],
                 "name": "N", "id": "2ABCDEFGH", "defaultInterpreterGroup": "spark", "version": "0.12.0",
                 "config": {}, "info": {}}
                """);
        List<NoteParagraph> p = ZeppelinNote.read(note).paragraphs();
        assertEquals(new NoteParagraph("p1", "Intro", "md", "# Hi", true), p.get(0));
        assertEquals(new NoteParagraph("p2", null, "spark.sql", "SELECT 1", false), p.get(1));
        assertTrue(p.get(2).isScala());
        assertEquals("untitled paragraph p2", p.get(1).label());
    }

    @Test
    void refusesANoteWithoutTheFieldsZeppelinNeeds(@TempDir Path dir) throws Exception {
        Path note = dir.resolve("bad.zpln");
        Files.writeString(note, "{\"paragraphs\": [], \"name\": \"N\"}");
        var e = assertThrows(IllegalArgumentException.class, () -> ZeppelinNote.read(note));
        assertTrue(e.getMessage().contains("has no \"id\" field"), e.getMessage());
    }
}
