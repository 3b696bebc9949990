package io.morphospark.jobs.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkHomeTest {
    private final SparkHome home = SparkHome.get();

    @Test
    void jarsHoldsSparkAsAbsoluteLinksToResolvedJars() throws IOException {
        List<Path> jars = home.linkedJars();
        assertTrue(jars.stream().anyMatch(j -> j.getFileName().toString().startsWith("spark-core_2.13-")), jars::toString);
        for (Path link : jars) {
            assertTrue(Files.isSymbolicLink(link), link::toString);
            Path target = Files.readSymbolicLink(link);
            assertTrue(target.isAbsolute() && Files.isRegularFile(target), () -> link + " -> " + target);
        }
    }

    @Test
    void projectOutputsStayOutOfJarsAndOnTheProjectClassPath() throws IOException {
        for (Path link : home.linkedJars()) {
            assertTrue(!Files.readSymbolicLink(link).toString().contains("/target/"), link::toString);
        }
        assertTrue(home.projectClassPath().stream().allMatch(Path::isAbsolute));
        // this very class comes from the project classpath, as do the models' classes
        assertTrue(home.projectClassPath().stream().anyMatch(p -> p.toString().contains("jobs")), home::toString);
        assertTrue(home.projectClassPath().stream().anyMatch(p -> p.toString().contains("models")), home::toString);
    }
}
