package io.morphospark.jobs.discover;

import io.morphospark.datasets.run.RunManifest;
import io.morphospark.jobs.cli.ExitCodes;
import io.morphospark.jobs.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input: one line naming the problem, exit code 2, nothing written; checked before Spark starts. */
class DiscoverBadInputTest {
    @TempDir
    Path tmp;

    void refused(String expected, String... options) throws Exception {
        Path out = tmp.resolve("run");
        List<String> args = new ArrayList<>(List.of("discover", "--out", out.toString(), "--master", "local[1]"));
        args.addAll(List.of(options));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().startsWith("morphospark: error: ") && r.stderr().contains(expected), r.stderr());
        assertFalse(Files.exists(out), "nothing may be written");
        try (Stream<Path> left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains("inprogress")), "no staging directory");
        }
    }

    @Test
    void unknownNamesAndEmptySizesAreRefused() throws Exception {
        refused("unknown search 'nsga2'", "--search", "nsga2");
        refused("unknown descriptor 'speed'", "--descriptors", "sorting,speed");
        refused("unknown scenario 'flocking'", "--scenarios", "sorting,flocking");
        refused("replicates must be at least 1", "--replicates", "0");
        refused("population must be at least 1", "--search", "exhaustive", "--population", "0");
        refused("population must be at least 1", "--search", "ga", "--population", "0");
        refused("elites must be at least 2 and below the population", "--search", "ga", "--elites", "50");
        refused("initial population must be at least 1", "--search", "map-elites", "--population", "0");
        refused("at least one emitter", "--gaussian-batch", "0", "--crossover-batch", "0", "--cma-batch", "0");
        refused("at least 1 cell per descriptor", "--bins", "0,10");
        refused("CVT archive needs at least 1 cell", "--archive", "cvt", "--cvt-cells", "0");
        refused("unknown archive 'hex'", "--archive", "hex");
        refused("generations must be at least 1", "--generations", "0");
        refused("unknown initial population 'grid'", "--initial", "grid");
        refused("descriptors must differ", "--descriptors", "sorting,sorting");
    }

    @Test
    void resumingWithAnotherConfigurationIsRefusedAndTheRunKept() throws Exception {
        Path run = tmp.resolve("interrupted");
        Path staging = Files.createDirectories(tmp.resolve(".interrupted.inprogress"));
        DiscoverSettings recorded = new DiscoverSettings();
        recorded.seed = 4;
        RunManifest.write(staging, "discover", recorded);
        byte[] manifest = Files.readAllBytes(staging.resolve("run.json"));
        CliRun r = CliRun.of("discover", "--resume", run.toString(), "--seed", "5", "--master", "local[1]");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().contains("seed: 4 → 5"), r.stderr());
        assertTrue(java.util.Arrays.equals(manifest, Files.readAllBytes(staging.resolve("run.json"))), "run.json kept");
        CliRun over = CliRun.of("discover", "--out", run.toString(), "--master", "local[1]");
        assertEquals(ExitCodes.BAD_INPUT, over.exitCode(), "a new run over an interrupted one");
        CliRun notARun = CliRun.of("discover", "--resume", Files.createDirectories(tmp.resolve("empty")).toString());
        assertEquals(ExitCodes.BAD_INPUT, notARun.exitCode(), notARun.stderr());
    }
}
