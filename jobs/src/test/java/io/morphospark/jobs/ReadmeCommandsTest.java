package io.morphospark.jobs;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's commands can be run one after another: no two create the same output directory
 * (two Rosenbrock runs once shared {@code --out runs/rosen}, so the second was refused).
 */
class ReadmeCommandsTest {
    @Test
    void everyCommandWritesItsOwnOutputDirectory() throws Exception {
        Path readme = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolveSibling("README.md");
        Matcher m = Pattern.compile("--out (\\S+)").matcher(Files.readString(readme));
        Map<String, Integer> uses = new TreeMap<>();
        while (m.find()) {
            uses.merge(m.group(1), 1, Integer::sum);
        }
        assertTrue(uses.size() > 5, "README commands found: " + uses);
        List<String> shared = new ArrayList<>();
        uses.forEach((out, n) -> {
            if (n > 1) {
                shared.add(out + " (" + n + " commands)");
            }
        });
        assertTrue(shared.isEmpty(), "README commands share an --out: " + shared);
    }
}
