package io.morphospark.models.patterns.sim;

import io.morphospark.models.agents.metrics.TypeRaster;
import io.morphospark.models.agents.world.AgentWorld;
import io.morphospark.models.agents.world.WorldSettings;
import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.FrameSink;
import io.morphospark.models.patterns.PatternSimulator;
import io.morphospark.models.patterns.RunSpec;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

/**
 * The agent model as a {@link PatternSimulator}: a square world of one interaction radius per
 * pixel holding agentsPerPixel × pixels agents, run for {@code spec.steps()} steps and rasterised
 * at every recorded step. The world's seed is (seed, SIMULATION, sample).
 */
public final class AgentPatternSimulator implements PatternSimulator<AgentPatternParams> {

    @Override
    public Frame run(AgentPatternParams p, RunSpec spec, FrameSink sink) {
        int side = spec.width();
        int agents = (int) Math.round(p.agentsPerPixel() * side * side);
        WorldSettings ws = new WorldSettings(agents, side, p.periodic(), 1.0, 0.4, p.typeFractions(), false, agents);
        AgentWorld world = new AgentWorld(ws, p.algorithm(), RandomStreams.key(spec.seed(), Purpose.SIMULATION, spec.sampleId()));
        Frame frame = null;
        for (int step = 0; step <= spec.steps(); step++) {
            if (step > 0) {
                world.step();
            }
            if (spec.records(step)) {
                frame = raster(world, p.raster(), p.smoothing(), side);
                sink.frame(step, frame);
            }
        }
        return frame;
    }

    static Frame raster(AgentWorld world, AgentPatternParams.Raster raster, int smoothing, int side) {
        return switch (raster) {
            case TYPES -> TypeRaster.of(world, side);
            case DENSITY -> {
                double[] count = new double[side * side];
                for (int i = 0; i < world.size(); i++) {
                    count[pixel(world.y(i), side) * side + pixel(world.x(i), side)]++;
                }
                float[] density = new float[side * side];
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        double sum = 0;
                        int cells = 0;
                        for (int dy = -smoothing; dy <= smoothing; dy++) {
                            for (int dx = -smoothing; dx <= smoothing; dx++) {
                                if (dx * dx + dy * dy <= smoothing * smoothing + smoothing) { // a disc: round blobs
                                    sum += count[Math.floorMod(y + dy, side) * side + Math.floorMod(x + dx, side)];
                                    cells++;
                                }
                            }
                        }
                        density[y * side + x] = (float) (sum / cells);
                    }
                }
                yield Frame.continuous(side, side, density);
            }
            case OCCUPANCY -> {
                byte[] on = new byte[side * side];
                for (int i = 0; i < world.size(); i++) {
                    on[pixel(world.y(i), side) * side + pixel(world.x(i), side)] = 1;
                }
                yield Frame.discrete(side, side, 2, on);
            }
            case HEADING_PHASE -> {
                double[] hx = new double[side * side];
                double[] hy = new double[side * side];
                for (int i = 0; i < world.size(); i++) {
                    int c = pixel(world.y(i), side) * side + pixel(world.x(i), side);
                    hx[c] += world.headingX(i);
                    hy[c] += world.headingY(i);
                }
                byte[] phase = new byte[side * side];
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        double sx = 0;
                        double sy = 0;
                        for (int dy = -smoothing; dy <= smoothing; dy++) {
                            for (int dx = -smoothing; dx <= smoothing; dx++) {
                                int c = Math.floorMod(y + dy, side) * side + Math.floorMod(x + dx, side);
                                sx += hx[c];
                                sy += hy[c];
                            }
                        }
                        double angle = Math.atan2(sy, sx); // 0 where no agent is near: phase 0
                        int q = (int) Math.floor((angle + Math.PI) / (2 * Math.PI) * AgentPatternParams.PHASES);
                        phase[y * side + x] = (byte) Math.min(AgentPatternParams.PHASES - 1, Math.max(0, q));
                    }
                }
                yield Frame.cyclic(side, side, AgentPatternParams.PHASES, phase);
            }
        };
    }

    private static int pixel(double v, int side) {
        return Math.min(side - 1, (int) v);
    }
}
