package io.morphospark.models.nca;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.File;
import java.util.Map;

/**
 * One CA step on a batch of NHWC grids [B, H, W, C], as a SameDiff graph (so ND4J's CUDA backend
 * can run it): perceive, update, apply the delta where the fire mask is 1, then zero every cell
 * that was not alive both before and after. Fire masks are inputs, drawn by {@link FireMask} from
 * counter-based streams, so runs are reproducible and the backward pass can redraw them.
 *
 * <p>Outputs {@code next} and {@code alive} (pre ∧ post, which training keeps for its backward pass).
 */
public final class NcaStep {
    static final String STATE = "state";
    static final String FIRE = "fire";
    static final String NEXT = "next";
    static final String ALIVE = "alive";

    private final SameDiff sd;
    private final NcaParameters parameters;

    private NcaStep(SameDiff sd, NcaParameters parameters) {
        this.sd = sd;
        this.parameters = parameters;
    }

    public static NcaStep build(NcaParameters p, MlpForm form) {
        NcaConfig config = p.config();
        DataType type = p.dataType();
        SameDiff sd = SameDiff.create();
        SDVariable state = sd.placeHolder(STATE, type, -1, -1, -1, config.channels());
        SDVariable fire = sd.placeHolder(FIRE, type, -1, -1, -1, 1);
        SDVariable pre = AliveMask.of(sd, "pre_alive", state, type);
        SDVariable delta = delta(sd, state, p, form);
        SDVariable updated = state.add(delta.mul(fire));
        SDVariable post = AliveMask.of(sd, "post_alive", updated, type);
        SDVariable alive = pre.mul(ALIVE, post);
        updated.mul(NEXT, alive);
        return new NcaStep(sd, p);
    }

    /** Perception then the update rule: the differentiable part of a step. */
    static SDVariable delta(SameDiff sd, SDVariable state, NcaParameters p, MlpForm form) {
        SDVariable features = Perception.apply(sd, state, p.config().channels(), p.dataType());
        return UpdateRule.apply(sd, features, state, UpdateRule.variables(sd, p), p.config(), form);
    }

    /** {next, alive} for a state [B, H, W, C] and a fire mask [B, H, W, 1]. */
    public INDArray[] apply(INDArray state, INDArray fire) {
        Map<String, INDArray> out = sd.output(Map.of(STATE, state, FIRE, fire), NEXT, ALIVE);
        return new INDArray[] {out.get(NEXT), out.get(ALIVE)};
    }

    /** Only the next state. */
    public INDArray next(INDArray state, INDArray fire) {
        return sd.outputSingle(Map.of(STATE, state, FIRE, fire), NEXT);
    }

    /** Points the graph at the parameter arrays again (after an optimiser replaced or updated them). */
    public void parametersChanged() {
        for (String name : NcaParameters.NAMES) {
            sd.associateArrayWithVariable(parameters.get(name), name);
        }
    }

    /** SameDiff's own FlatBuffers format, weights included; inputs {@code state}, {@code fire}, output {@code next}. */
    public void save(File file) {
        sd.save(file, false);
    }
}
