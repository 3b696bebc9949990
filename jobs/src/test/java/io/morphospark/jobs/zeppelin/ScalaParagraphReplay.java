package io.morphospark.jobs.zeppelin;

import io.morphospark.udfs.MorphoSparkFunctions;
import org.apache.spark.sql.SparkSession;

import java.util.regex.Pattern;

/**
 * Does in Java what a note's {@code %spark} (Scala) paragraphs do, for the statements notes are
 * allowed to contain. Anything else fails loudly: SQL paragraphs that depend on Scala code the
 * test cannot reproduce would pass here and break in Zeppelin.
 */
public final class ScalaParagraphReplay {
    private static final Pattern REGISTER = Pattern.compile(
            "(io\\.morphospark\\.udfs\\.)?MorphoSparkFunctions\\.register\\(spark\\)\\s*;?");
    private static final Pattern IMPORT = Pattern.compile("import\\s+io\\.morphospark\\.udfs\\.[\\w.{}, ]+");

    private ScalaParagraphReplay() {
    }

    public static void replay(NoteParagraph paragraph, SparkSession spark) {
        for (String line : paragraph.body().split("\n")) {
            String statement = line.strip();
            if (statement.isEmpty() || statement.startsWith("//") || IMPORT.matcher(statement).matches()) {
                continue;
            }
            if (REGISTER.matcher(statement).matches()) {
                MorphoSparkFunctions.register(spark);
            } else {
                throw new IllegalArgumentException("Scala paragraph " + paragraph.label() + " holds a statement this test "
                        + "cannot reproduce: " + statement + " (teach ScalaParagraphReplay, or move it to SQL)");
            }
        }
    }
}
