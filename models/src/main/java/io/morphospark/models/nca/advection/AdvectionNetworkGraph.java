package io.morphospark.models.nca.advection;

import io.morphospark.models.nca.Perception;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The advection NCA's update proposal as a SameDiff graph, for export: placeholders {@code state}
 * [B, H, W, 16] and {@code goal} [B, H, W, 4] → {@code deltas} [B, H, W, 13], what the network
 * proposes for every cell ({@link Channels#WRITTEN} order). Fire mask, clamps and transport are
 * plain Java that SameDiff cannot express, so they stay out; the model file's semantics spell them out.
 *
 * <p>Same function as {@link CellPerception} then {@link Mlp}, in float: the growing NCA's
 * perception, the goal appended, and the MLP with weights as variables {@code w1} … {@code b3}.
 * Training does not use it: the step's backward pass runs through the Java transport, so it is
 * written by hand ({@link AdvectionNca#backward}).
 */
public final class AdvectionNetworkGraph {
    public static final String STATE = "state";
    public static final String GOAL = "goal";
    public static final String DELTAS = "deltas";
    private static final DataType TYPE = DataType.FLOAT;
    /** The channel axis of NHWC. */
    private static final int CHANNELS = 3;

    private AdvectionNetworkGraph() {
    }

    public static SameDiff build(AdvectionParameters p) {
        SameDiff sd = SameDiff.create();
        SDVariable state = sd.placeHolder(STATE, TYPE, -1, -1, -1, Channels.COUNT);
        SDVariable goal = sd.placeHolder(GOAL, TYPE, -1, -1, -1, Channels.GOAL);
        SDVariable x = sd.concat("features", CHANNELS, Perception.apply(sd, state, Channels.COUNT, TYPE), goal);
        int[] widths = p.architecture().layerWidths();
        for (int layer = 0; layer < 3; layer++) {
            SDVariable w = parameter(sd, p, 2 * layer, widths[layer], widths[layer + 1]);
            SDVariable b = parameter(sd, p, 2 * layer + 1, widths[layer + 1]);
            // contracting the channel axis applies the layer to every cell, whatever B, H and W are
            SDVariable z = sd.tensorMmul(x, w, new int[] {CHANNELS}, 0);
            x = layer < 2 ? sd.nn().relu(z.add(b), 0) : z.add(DELTAS, b);
        }
        return sd;
    }

    private static SDVariable parameter(SameDiff sd, AdvectionParameters p, int k, long... shape) {
        String name = AdvectionParameters.NAMES.get(k);
        return sd.var(name, Nd4j.create(p.get(name), shape, DataType.DOUBLE).castTo(TYPE));
    }
}
