package io.morphospark.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.dataset.DatasetDirectory;
import io.morphospark.datasets.sweep.SweepPlan;
import io.morphospark.datasets.sweep.SweepSpec;
import io.morphospark.jobs.dataset.GenerateJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code morphospark generate}: a labelled pattern dataset from a sweep spec. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate a labelled pattern dataset (samples and frame trajectories in Parquet) from a sweep spec; "
                + "re-running the same spec into the same directory completes it.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--spec", required = true, paramLabel = "FILE",
            description = "Sweep spec (YAML): labels, their families, sample counts and parameter ranges, grid, frames, "
                    + "augmentation, seed; see specs/seed-5-class.yaml. A dataset's manifest.json 'spec' is one too.")
    Path spec;
    @Option(names = "--out", paramLabel = "DIR",
            description = "Dataset directory: created, or continued if it holds this spec's unfinished dataset. "
                    + "Required unless --dry-run.")
    Path out;
    @Option(names = "--dry-run", description = "Check the spec completely, print the plan (counts per label, frames, rows, "
            + "estimated bytes, spec hash) and write nothing (default: ${DEFAULT-VALUE}).")
    boolean dryRun;
    @Mixin
    SparkOptions spark;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        SweepPlan plan = SweepPlan.of(SweepSpec.read(spec));
        if (out != null) { // read-only checks of the target, so that --dry-run refuses what the run would
            requireSameFormat(out);
            DatasetDirectory.requireSameSpec(out, GenerateJob.specHash(plan)); // before Spark starts
        }
        if (dryRun) {
            System.out.print(describe(plan));
            return ExitCodes.OK;
        }
        if (out == null) {
            // the same usage error (exit 1) as every command's missing --out
            throw new picocli.CommandLine.MissingParameterException(command.commandLine(), command.findOption("--out"),
                    "Missing required option: '--out=<out>' (unless --dry-run)");
        }
        spark.withSession("morphospark-generate", session -> new GenerateJob(session, plan, System.out).run(out));
        return ExitCodes.OK;
    }

    /**
     * Refuses to extend a dataset written in another spec format (format 1 spaced its frames
     * unevenly): its shards and new ones would disagree on which steps the frames are.
     */
    static void requireSameFormat(Path out) {
        if (!Files.exists(out.resolve(DatasetDirectory.MANIFEST))) {
            return;
        }
        JsonNode spec = DatasetDirectory.open(out).manifest().path("spec");
        int format = spec.path("format_version").asInt(1); // format 1 recorded none
        if (format != SweepSpec.FORMAT_VERSION) {
            throw new BadInputException("dataset " + out.toAbsolutePath().normalize() + " was written in spec format " + format
                    + " and this version writes format " + SweepSpec.FORMAT_VERSION
                    + " (frame k of F at step round(k·steps/(F−1))): generate into a new directory");
        }
    }

    /** The plan in a few lines: what would be generated and roughly how big it would be. */
    static String describe(SweepPlan plan) {
        var s = plan.spec();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("plan: seed %d, grid %d–%d, %s, %d shards of ≤ %d samples%n", s.seed, s.grid.minSide,
                s.grid.maxSide, s.frameStride > 0 ? "a frame every " + s.frameStride + " steps" : s.framesPerSample() + " frames per sample",
                plan.shards().size(), s.samplesPerShard));
        long totalSamples = 0;
        long totalFrames = 0;
        double totalBytes = 0;
        double cellsPerFrame = Math.pow((s.grid.minSide + s.grid.maxSide) / 2.0, 2);
        for (SweepPlan.LabelPlan l : plan.labels()) {
            int frames = plan.frames(l.values(s.seed, 0));
            double bytesPerCell = switch (l.family()) {
                case "gray-scott" -> 2.0;
                case "cyclic-ca", "cellular-potts" -> 0.5;
                default -> 0.125;
            };
            double bytes = (double) l.samples() * (frames + 1) * cellsPerFrame * bytesPerCell;
            sb.append(String.format("  %-10s %-15s %6d samples, %-15s frames ≈ %d, ≈ %s; %s%n", l.label().id(), l.family(),
                    l.samples(), l.sampling().id(), frames, human(bytes), ranges(l)));
            totalSamples += l.samples();
            totalFrames += (long) l.samples() * frames;
            totalBytes += bytes;
        }
        sb.append(String.format("total: %d samples rows, ≈ %d frames rows, ≈ %s before compression%n", totalSamples, totalFrames,
                human(totalBytes)));
        sb.append(String.format("spec hash: %s (format %d)%n", GenerateJob.specHash(plan), s.formatVersion));
        return sb.toString();
    }

    private static String ranges(SweepPlan.LabelPlan l) {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < l.names().length; p++) {
            var r = l.ranges()[p];
            sb.append(p == 0 ? "" : ", ").append(l.names()[p]).append(' ')
                    .append(r.isGrid() ? Arrays.toString(r.grid) : "[" + r.lo() + ", " + r.hi() + "]");
        }
        return sb.toString();
    }

    private static String human(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        int u = 0;
        while (bytes >= 1000 && u < units.length - 1) {
            bytes /= 1000;
            u++;
        }
        return String.format("%.1f %s", bytes, units[u]);
    }
}
