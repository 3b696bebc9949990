package io.morphospark.models.nca;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The vector-Jacobian product of one step, by SameDiff autodiff: given the step's input state, its
 * fire and alive masks (held constant: they are piecewise constant) and the gradient g flowing into
 * its output, the gradients of ⟨g, step(state)⟩ w.r.t. the input state and the parameters.
 *
 * <p>Backprop through time is then a loop over stored states (see {@link NcaTrainer}); SameDiff
 * recomputes each step's activations, so memory holds one state per step rather than every
 * activation of a 95-step unroll.
 */
final class StepGradient {
    private static final String ALIVE_IN = "alive_in";
    private static final String UPSTREAM = "upstream";
    private static final String VJP = "vjp";

    private final SameDiff sd;
    private final NcaParameters parameters;
    private final List<String> wrt;

    StepGradient(NcaParameters p, MlpForm form) {
        this.parameters = p;
        NcaConfig config = p.config();
        DataType type = p.dataType();
        sd = SameDiff.create();
        // A variable, not a placeholder: SameDiff M2.1 differentiates only paths that start at variables,
        // so a placeholder state gets the gradient of the residual path alone (perception's is dropped).
        SDVariable state = sd.var(NcaStep.STATE, Nd4j.zeros(type, 1, 1, 1, config.channels()));
        SDVariable fire = sd.placeHolder(NcaStep.FIRE, type, -1, -1, -1, 1);
        SDVariable alive = sd.placeHolder(ALIVE_IN, type, -1, -1, -1, 1);
        SDVariable upstream = sd.placeHolder(UPSTREAM, type, -1, -1, -1, config.channels());
        SDVariable delta = NcaStep.delta(sd, state, p, form);
        SDVariable next = state.add(delta.mul(fire)).mul(alive);
        next.mul(upstream).sum(VJP);
        sd.setLossVariables(VJP);
        wrt = new ArrayList<>(NcaParameters.NAMES);
        wrt.add(NcaStep.STATE);
    }

    /** Gradients by name: the four parameters and {@code state}. */
    Map<String, INDArray> apply(INDArray state, INDArray fire, INDArray alive, INDArray upstream) {
        sd.associateArrayWithVariable(state, NcaStep.STATE);
        return sd.calculateGradients(Map.of(NcaStep.FIRE, fire, ALIVE_IN, alive, UPSTREAM, upstream), wrt);
    }

    void parametersChanged() {
        for (String name : NcaParameters.NAMES) {
            sd.associateArrayWithVariable(parameters.get(name), name);
        }
    }
}
