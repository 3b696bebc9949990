package io.morphospark.jobs.cli;

import io.morphospark.models.patterns.PatternBenchmarks;
import io.morphospark.models.patterns.PatternBenchmarks.Kernel;
import io.morphospark.models.patterns.labels.PatternLabel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * {@code morphospark bench patterns}: the pattern-dataset simulators on one thread (so per core),
 * the kernels the datasets run side by side with the original scalar ones they replaced
 * (bit-identical output), then whole dataset-like samples per label (issue 17, item 3).
 */
@Command(name = "patterns", mixinStandardHelpOptions = true,
        description = "Cellular Potts flip attempts/s and Gray–Scott cell-updates/s per core, reference (original "
                + "scalar) kernel vs the one the datasets run, per grid side; then samples/s per label as the seed "
                + "dataset makes them (64², 20 frames, symmetries and noise, rejected attempts re-simulated).")
final class PatternsBench implements Runnable {
    @Option(names = "--seconds", defaultValue = "3",
            description = "Measured time per kernel figure, after a quarter of it of warm-up.")
    double seconds;
    @Option(names = "--warmup", defaultValue = "2",
            description = "Unmeasured seconds per kernel first: Vector API code runs orders of magnitude slower until C2 "
                    + "has compiled it; 0 skips.")
    double warmup;
    @Option(names = "--sides", split = ",", defaultValue = "64,256",
            description = "Grid sides for the kernel figures; at least 10 (two Potts cells).")
    int[] sides;
    @Option(names = "--samples", defaultValue = "20",
            description = "Measured samples per label, after one warm-up sample; 0 skips.")
    int samples;
    @Option(names = "--labels", split = ",", defaultValue = "random,clustered,spotted,striped,spiral",
            description = "Labels whose samples are timed, each in its default family.")
    String[] labels;

    @Override
    public void run() {
        BenchCommand.atLeast("--seconds", seconds, 0.01);
        for (int side : sides) {
            BenchCommand.atLeast("--sides", side, 10);
        }
        BenchCommand.atLeast("--warmup", warmup, 0);
        BenchCommand.atLeast("--samples", samples, 0);
        BenchCommand.known("--labels", labels, PatternsBench::label);
        System.out.printf("bench patterns: one thread (per-core figures), %d cores, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (warmup > 0) {
            for (Kernel k : Kernel.values()) {
                PatternBenchmarks.cellularPotts(warmup, PatternBenchmarks.DATASET_SIDE, k);
                PatternBenchmarks.grayScott(warmup, PatternBenchmarks.DATASET_SIDE, k);
            }
        }
        System.out.printf("%-15s %-9s %-13s %-13s %-8s %s%n", "kernel", "grid", "reference/s", "new/s", "speed-up", "unit");
        for (int side : sides) {
            double ref = PatternBenchmarks.cellularPotts(seconds, side, Kernel.REFERENCE);
            double fast = PatternBenchmarks.cellularPotts(seconds, side, Kernel.FAST);
            row("cellular-potts", side, ref, fast, "flip attempts (CompuCell3D cell sorting)");
            ref = PatternBenchmarks.grayScott(seconds, side, Kernel.REFERENCE);
            fast = PatternBenchmarks.grayScott(seconds, side, Kernel.FAST);
            row("gray-scott", side, ref, fast, "cell-updates (Sims's 9-point stencil)");
        }
        if (samples > 0) {
            System.out.printf("samples as the seed dataset makes them (%d², %d frames), %d per label:%n",
                    PatternBenchmarks.DATASET_SIDE, PatternBenchmarks.DATASET_FRAMES, samples);
            for (String name : labels) {
                PatternBenchmarks.SampleRate r = PatternBenchmarks.samples(label(name), samples);
                System.out.printf("%-10s %9.2f samples/s  %.2f attempts/sample%n", r.label().id(), r.perSecond(),
                        r.attemptsPerSample());
            }
        }
    }

    private static void row(String kernel, int side, double reference, double fast, String unit) {
        System.out.printf("%-15s %-9s %-13.3g %-13.3g %-8s %s%n", kernel, side + "×" + side, reference, fast,
                String.format(Locale.ROOT, "%.2f×", fast / reference), unit);
    }

    private static PatternLabel label(String name) {
        try {
            return PatternLabel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown label '" + name + "'", e);
        }
    }
}
