package io.morphospark.models.nca.advection;

import java.util.ArrayList;
import java.util.List;

/**
 * The seed's evaluation: every source → target formation pair (clean, unrotated), run for a
 * number of steps from the source toward the target's goal; the final mass MSE against the
 * target and the conservation ratio (final total mass / initial total mass). All nine pairs
 * run as one batch, with the randomness of (seed, run {@link #RUN}).
 */
public final class TransitionTable {
    /** The run coordinate of evaluation streams (training runs count up from 0). */
    public static final long RUN = -1;

    public record Row(String policy, Formation source, Formation target, int steps, double massMse, double conservation) {
    }

    private TransitionTable() {
    }

    /** The nine transitions' start states and goals, source-major. */
    public static double[][][] startsAndGoals(Arena arena) {
        Formation[] all = Formation.values();
        double[][] starts = new double[all.length * all.length][];
        double[][] goals = new double[starts.length][];
        for (Formation s : all) {
            for (Formation t : all) {
                int k = s.ordinal() * all.length + t.ordinal();
                starts[k] = Formations.state(arena.render(s, 0));
                goals[k] = GoalSignal.of(arena.render(t, 0), arena.height(), arena.width());
            }
        }
        return new double[][][] {starts, goals};
    }

    public static List<Row> evaluate(String policy, StepFunction function, Arena arena, int steps, long seed,
                                     Rollout.Observer observer) {
        double[][][] sg = startsAndGoals(arena);
        double[][] starts = sg[0];
        double[][] goals = sg[1];
        double[][] last = new Rollout(function, arena.height(), arena.width(), seed).run(starts, goals, RUN, steps, null, observer);
        List<Row> rows = new ArrayList<>();
        Formation[] all = Formation.values();
        for (int k = 0; k < starts.length; k++) {
            double[] target = GoalSignal.targetMass(goals[k]);
            double conservation = Transport.total(Formations.mass(last[k])) / Transport.total(Formations.mass(starts[k]));
            rows.add(new Row(policy, all[k / all.length], all[k % all.length], steps, AdvectionLoss.massMse(last[k], target),
                    conservation));
        }
        return rows;
    }
}
