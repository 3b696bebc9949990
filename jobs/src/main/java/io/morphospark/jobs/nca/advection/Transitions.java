package io.morphospark.jobs.nca.advection;

import io.morphospark.models.nca.advection.AdvectionNca;
import io.morphospark.models.nca.advection.Arena;
import io.morphospark.models.nca.advection.Formation;
import io.morphospark.models.nca.advection.GoalGradientBaseline;
import io.morphospark.models.nca.advection.TransitionTable;

import java.util.List;

/**
 * The evaluation both jobs run: the transition table of the trained NCA and of the goal-gradient
 * baseline (same transport, same seed), and a film strip of the trained NCA's LINE → SQUARE run.
 */
final class Transitions {
    final List<TransitionTable.Row> trained;
    final List<TransitionTable.Row> baseline;
    final MassFrames film;

    Transitions(AdvectionNca nca, Arena arena, int steps, long seed, int filmStride) {
        film = new MassFrames(arena.height(), arena.width());
        int shown = Formation.LINE.ordinal() * Formation.values().length + Formation.SQUARE.ordinal();
        trained = TransitionTable.evaluate("trained", nca, arena, steps, seed, (step, states) -> {
            if (step % filmStride == 0 || step == steps) {
                film.addState("step " + step, states[shown]);
            }
        });
        film.addMass("target", arena.render(Formation.SQUARE, 0));
        baseline = TransitionTable.evaluate("baseline", new GoalGradientBaseline(nca.transport()), arena, steps, seed, null);
    }

    List<TransitionTable.Row> all() {
        java.util.ArrayList<TransitionTable.Row> rows = new java.util.ArrayList<>(trained);
        rows.addAll(baseline);
        return rows;
    }
}
