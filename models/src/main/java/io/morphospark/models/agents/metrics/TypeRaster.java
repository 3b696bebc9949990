package io.morphospark.models.agents.metrics;

import io.morphospark.models.agents.world.AgentWorld;
import io.morphospark.models.patterns.Frame;

/**
 * The type map of a world on a g × g grid: 0 where no agent stands, else 1 + the type most of the
 * pixel's agents have (ties to the lower type). Discrete frames, the form every pattern metric,
 * the frame codec and the galleries read.
 */
public final class TypeRaster {
    private TypeRaster() {
    }

    /** About one agent per pixel: g = round(√N), at least 4. */
    public static int defaultPixels(int agents) {
        return Math.max(4, (int) Math.round(Math.sqrt(agents)));
    }

    public static Frame of(AgentWorld world, int pixels) {
        int types = world.settings().types();
        int[] votes = new int[pixels * pixels * types];
        double scale = pixels / world.settings().side();
        for (int i = 0; i < world.size(); i++) {
            int px = Math.min(pixels - 1, (int) (world.x(i) * scale));
            int py = Math.min(pixels - 1, (int) (world.y(i) * scale));
            votes[(py * pixels + px) * types + world.type(i)]++;
        }
        byte[] cells = new byte[pixels * pixels];
        for (int c = 0; c < cells.length; c++) {
            int best = 0;
            int bestType = -1;
            for (int t = 0; t < types; t++) {
                if (votes[c * types + t] > best) {
                    best = votes[c * types + t];
                    bestType = t;
                }
            }
            cells[c] = (byte) (bestType + 1);
        }
        return Frame.discrete(pixels, pixels, Math.max(2, types + 1), cells);
    }
}
