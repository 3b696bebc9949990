package io.morphospark.jobs.cli;

import io.morphospark.models.nca.advection.AdvectionNca;
import io.morphospark.models.nca.advection.AdvectionParameters;
import io.morphospark.models.nca.advection.AdvectionPool;
import io.morphospark.models.nca.advection.Architecture;
import io.morphospark.models.nca.advection.Arena;
import io.morphospark.models.nca.advection.Channels;
import io.morphospark.models.nca.advection.ConservationCheck;
import io.morphospark.models.nca.advection.Formation;
import io.morphospark.models.nca.advection.Formations;
import io.morphospark.models.nca.advection.GoalSignal;
import io.morphospark.models.nca.advection.StepDraws;
import io.morphospark.models.nca.advection.Transport;
import io.morphospark.models.nca.advection.TransportSettings;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.SplittableRandom;

/** {@code morphospark bench advection}: the figures of docs/BENCHMARKS.md's advection section. */
@Command(name = "advection", mixinStandardHelpOptions = true,
        description = "Advection NCA: relative total-mass error after 512 steps (every pool category, converging and "
                + "diverging fields) against the reference's clip rule, and time per NCA step forward and backward.")
final class AdvectionBench implements Runnable {
    @Option(names = "--grid", defaultValue = "128", description = "Grid side.") int grid;
    @Option(names = "--mass", defaultValue = "200", description = "Formation mass.") double mass;
    @Option(names = "--batch", defaultValue = "8", description = "Batch of the timed steps.") int batch;
    @Option(names = "--conservation-steps", defaultValue = "512", description = "Steps before the mass error is measured.")
    int conservationSteps;
    @Option(names = "--timed-steps", defaultValue = "5", description = "Timed steps; 0 skips the timing.") int timedSteps;
    @Option(names = "--warmup-steps", defaultValue = "5", description = "Untimed steps first (JIT compilation).")
    int warmupSteps;
    @Option(names = "--trajectory-steps", defaultValue = "64", description = "Steps of the trajectory whose time is projected.")
    int trajectorySteps;

    @Override
    public void run() {
        BenchCommand.atLeast("--grid", grid, 16); // the 16-cell block of the fixed-field check must fit
        BenchCommand.atLeast("--mass", mass, Double.MIN_VALUE);
        BenchCommand.atLeast("--batch", batch, 1);
        BenchCommand.atLeast("--conservation-steps", conservationSteps, 1);
        BenchCommand.atLeast("--timed-steps", timedSteps, 0);
        BenchCommand.atLeast("--warmup-steps", warmupSteps, 0);
        BenchCommand.atLeast("--trajectory-steps", trajectorySteps, 1);
        Arena arena = new Arena(grid, grid, mass, 1, 30);
        TransportSettings capped = TransportSettings.SEED;
        TransportSettings uncapped = new TransportSettings(0.25, 2, 0.08, Double.POSITIVE_INFINITY, 0.25);
        System.out.printf("advection bench: %dx%d grid, mass %s; relative mass error after %d steps (random velocities "
                + "in [-1,1]^2 each step for pool samples)%n", grid, grid, mass, conservationSteps);
        AdvectionPool pool = AdvectionPool.create(arena, 4, 1);
        for (TransportSettings s : new TransportSettings[] {capped, uncapped}) {
            Transport t = new Transport(s, grid, grid);
            String label = s.capped() ? "capacity 1" : "no capacity";
            for (int i = 0; i < pool.size(); i++) {
                System.out.printf("  %-11s %-12s %.2e%n", label, pool.kind(i), ConservationCheck.randomVelocities(t,
                        Formations.mass(pool.state(i)), conservationSteps, new SplittableRandom(i)));
            }
            for (double sign : new double[] {1, -1}) {
                double[][] v = ConservationCheck.radialField(grid, grid, sign);
                double[] uniform = new double[grid * grid];
                Arrays.fill(uniform, 0.5);
                System.out.printf("  %-11s %-12s block %.2e, uniform 0.5 %.2e%n", label, sign > 0 ? "converging" : "diverging",
                        ConservationCheck.fixedField(t, ConservationCheck.block(grid, grid, 16), v, conservationSteps),
                        ConservationCheck.fixedField(t, uniform, v, conservationSteps));
            }
        }
        int n = 64;
        double lost = ConservationCheck.referenceClipLoss(ConservationCheck.block(n, n, 16),
                ConservationCheck.radialField(n, n, 1), 20, 2, 0.25, n, n);
        System.out.printf("reference clip rule, converging 16x16 block on %dx%d, 20 steps of 2 x dt 0.25: %.1f %% of the mass "
                + "lost%n", n, n, 100 * lost);
        if (timedSteps > 0) {
            time(arena);
        }
    }

    private void time(Arena arena) {
        SplittableRandom r = new SplittableRandom(1);
        Architecture a = Architecture.SEED;
        double[] v = new double[a.parameterCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble(-0.2, 0.2);
        }
        AdvectionNca nca = new AdvectionNca(new AdvectionParameters(a, v), TransportSettings.SEED, 0.5, DataType.FLOAT);
        AdvectionPool pool = AdvectionPool.create(arena, batch, 1);
        double[][] states = pool.gather(java.util.stream.IntStream.range(0, batch).toArray());
        double[] goal = GoalSignal.of(arena.render(Formation.SQUARE, 0), grid, grid);
        double[][] goals = new double[batch][];
        Arrays.fill(goals, goal);
        double[] gradParameters = new double[v.length];
        double[][] gradNext = new double[batch][grid * grid * Channels.COUNT];
        double forward = 0;
        double backward = 0;
        for (int t = 0; t < timedSteps + warmupSteps; t++) {
            StepDraws d = StepDraws.draw(1, 0, t, batch, grid * grid, 0.5, 0.25);
            long t0 = System.nanoTime();
            double[][] next = nca.step(states, goals, grid, grid, d);
            long t1 = System.nanoTime();
            nca.backward(states, goals, grid, grid, d, gradNext, gradParameters);
            long t2 = System.nanoTime();
            if (t >= warmupSteps) {
                forward += (t1 - t0) / 1e6;
                backward += (t2 - t1) / 1e6;
            }
            states = next;
        }
        System.out.printf("step of batch %d on %dx%d (%d cells): forward %.0f ms, backward (recomputes forward) %.0f ms; "
                        + "a %d-step trajectory of the batch, forward and backward: %.1f s (an iteration is accumulation x that)%n",
                batch, grid, grid, batch * grid * grid, forward / timedSteps, backward / timedSteps, trajectorySteps,
                trajectorySteps * (forward + backward) / timedSteps / 1e3);
    }
}
