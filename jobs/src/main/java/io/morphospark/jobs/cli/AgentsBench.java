package io.morphospark.jobs.cli;

import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.agents.rules.Communication;
import io.morphospark.models.agents.rules.Decision;
import io.morphospark.models.agents.rules.Movement;
import io.morphospark.models.agents.world.AgentWorld;
import io.morphospark.models.agents.world.WorldSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code morphospark bench agents}: agent-steps/s and neighbour interactions/s of the agent world
 * on one thread at a fixed density, for growing N (cost should grow linearly with N), per second
 * of the thread's CPU time.
 * Interactions are directed neighbour reads within R (a pair counts once from each side), the unit
 * of FLAME GPU 2's circles benchmark (≈ 4.7·10⁸ agent-updates/s × ≈ 200 messages on one H100).
 */
@Command(name = "agents", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Agent world on one thread: agent-steps/s and neighbour interactions/s at fixed density.")
final class AgentsBench implements Runnable {
    /** FLAME GPU 2 circles on one H100: agent-updates/s × messages read per agent (REFERENCE.md §4). */
    static final double FLAME_GPU_MESSAGES_PER_S = 4.7e8 * 200;

    /**
     * Rates are per second of this thread's CPU time, not of wall-clock time: on a shared machine
     * the wall clock also counts the time other processes hold the core.
     */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Option(names = "--sizes", split = ",", defaultValue = "1000,10000,100000", description = "Agent counts (default: ${DEFAULT-VALUE}).")
    int[] sizes;
    @Option(names = "--neighbours", defaultValue = "15",
            description = "Mean neighbours within R, i.e. density = neighbours/π per R² (default: ${DEFAULT-VALUE}).")
    double neighbours;
    @Option(names = "--seconds", defaultValue = "5",
            description = "Measured CPU time per size, after as long a warm-up (default: ${DEFAULT-VALUE}).")
    double seconds;
    @Option(names = "--movement", defaultValue = "random_walk", description = "Movement rule (default: ${DEFAULT-VALUE}).")
    String movement;
    @Option(names = "--decision", defaultValue = "consensus_based", description = "Decision rule (default: ${DEFAULT-VALUE}).")
    String decision;
    @Option(names = "--communication", defaultValue = "local_signaling",
            description = "Communication rule (default: ${DEFAULT-VALUE}); the default reads every accumulator of the pass.")
    String communication;

    @Override
    public void run() {
        if (!(neighbours > 0) || !(seconds > 0) || Arrays.stream(sizes).anyMatch(n -> n < 2)) {
            throw new io.morphospark.datasets.BadInputException("neighbours and seconds must be positive and sizes at least 2");
        }
        Map<String, Double> params = new LinkedHashMap<>();
        if ("consensus_based".equals(decision)) {
            params.put("noise", 1.0); // disordered: the density stays uniform while timing
        }
        AgentAlgorithm alg;
        try {
            alg = AgentAlgorithm.of(Movement.parse(movement), Decision.parse(decision), Communication.parse(communication), params);
        } catch (IllegalArgumentException e) {
            throw new io.morphospark.datasets.BadInputException(e.getMessage(), e);
        }
        double density = neighbours / Math.PI;
        for (int n : sizes) { // every size checked before anything is measured
            try {
                WorldSettings.ofDensity(n, density, true);
            } catch (IllegalArgumentException e) {
                throw new io.morphospark.datasets.BadInputException("--sizes " + n + " at --neighbours " + neighbours + ": "
                        + e.getMessage(), e);
            }
        }
        System.out.printf("agents bench: %s, one thread, density %.3g per R² (≈ %.3g neighbours), torus; rates per CPU second%n",
                alg.id(), density, neighbours);
        System.out.printf("%10s %8s %14s %16s %12s %14s%n", "N", "steps", "agent-steps/s", "interactions/s", "neighbours",
                "ns/agent-step");
        for (int n : sizes) {
            WorldSettings ws = WorldSettings.ofDensity(n, density, true);
            AgentWorld world = new AgentWorld(ws, alg, 1);
            run(world, seconds); // warm-up: C2 compiles the pass
            long before = world.interactions();
            int stepsBefore = world.stepCount();
            long start = THREADS.getCurrentThreadCpuTime();
            run(world, seconds);
            double elapsed = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
            int steps = world.stepCount() - stepsBefore;
            long interactions = world.interactions() - before;
            double agentSteps = (double) n * steps / elapsed;
            System.out.printf("%10d %8d %14.4g %16.4g %12.3g %14.4g%n", n, steps, agentSteps, interactions / elapsed,
                    interactions / ((double) n * steps), 1e9 / agentSteps);
            System.out.printf("           ratio to FLAME GPU 2 circles on one H100 (%.2g messages/s): %.3g per core%n",
                    FLAME_GPU_MESSAGES_PER_S, interactions / elapsed / FLAME_GPU_MESSAGES_PER_S);
        }
    }

    /** Runs steps until {@code seconds} of this thread's CPU time have passed. */
    private static void run(AgentWorld world, double seconds) {
        long end = THREADS.getCurrentThreadCpuTime() + (long) (seconds * 1e9);
        do {
            world.step();
        } while (THREADS.getCurrentThreadCpuTime() < end);
    }
}
