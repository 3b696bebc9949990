package io.morphospark.models.nca.advection;

import org.nd4j.linalg.api.buffer.DataType;

import java.util.stream.IntStream;

/**
 * The advection NCA (seed 003): per step, every cell perceives its neighbourhood and the goal,
 * the network proposes deltas of RGB, velocity and hidden channels, applied where the fire mask
 * is 1; RGB is clamped to [0, 1] and velocity to [−1, 1]; the target-velocity channels are set from
 * the goal; then {@link Transport} moves the mass along the velocity (plus exploration noise).
 * The network never writes mass, so total mass is what the transport conserves.
 *
 * <p>{@link #backward} is the step's exact vector-Jacobian product (fire masks and noise held
 * fixed), for backprop through time.
 */
public final class AdvectionNca implements StepFunction {
    private final AdvectionParameters parameters;
    private final TransportSettings transportSettings;
    private final double fireRate;
    private final Mlp mlp;

    public AdvectionNca(AdvectionParameters parameters, TransportSettings transport, double fireRate, DataType type) {
        if (!(fireRate > 0 && fireRate <= 1)) {
            throw new IllegalArgumentException("fire rate must be in (0, 1], got " + fireRate);
        }
        this.parameters = parameters;
        this.transportSettings = transport;
        this.fireRate = fireRate;
        this.mlp = new Mlp(parameters, type);
    }

    public AdvectionParameters parameters() {
        return parameters;
    }

    public TransportSettings transport() {
        return transportSettings;
    }

    public double fireRate() {
        return fireRate;
    }

    /** Call after the parameter values changed in place. */
    public void parametersChanged() {
        mlp.load(parameters);
    }

    @Override
    public double[][] step(double[][] states, double[][] goals, int height, int width, StepDraws draws) {
        Mlp.Activations a = mlp.forward(features(states, goals, height, width), states.length * height * width);
        Transport transport = new Transport(transportSettings, height, width);
        double[][] next = new double[states.length][];
        IntStream.range(0, states.length).parallel().forEach(b ->
                next[b] = update(states[b], goals[b], a.output(), b * height * width, draws, b, transport));
        return next;
    }

    /** Every cell's network input, a row of {@link Mlp#INPUT_STRIDE} per cell, grid after grid. */
    static double[] features(double[][] states, double[][] goals, int height, int width) {
        int cells = height * width;
        double[] x = new double[states.length * cells * Mlp.INPUT_STRIDE];
        IntStream.range(0, states.length).parallel().forEach(b -> CellPerception.features(states[b], goals[b], height, width,
                x, b * cells * Mlp.INPUT_STRIDE, Mlp.INPUT_STRIDE));
        return x;
    }

    private static double[] update(double[] state, double[] goal, double[] out, int firstRow, StepDraws draws, int b,
                                   Transport transport) {
        int cells = state.length / Channels.COUNT;
        double[] next = state.clone();
        double[] ux = new double[cells];
        double[] uy = new double[cells];
        for (int i = 0; i < cells; i++) {
            int s = i * Channels.COUNT;
            int o = (firstRow + i) * Architecture.OUTPUTS;
            double fire = draws.fire()[b][i];
            for (int j = 0; j < Architecture.OUTPUTS; j++) {
                int c = Channels.WRITTEN[j];
                next[s + c] = clamp(c, state[s + c] + fire * out[o + j]);
            }
            next[s + Channels.TARGET_VX] = goal[i * Channels.GOAL + Channels.GOAL_VX];
            next[s + Channels.TARGET_VY] = goal[i * Channels.GOAL + Channels.GOAL_VY];
            ux[i] = clampVelocity(next[s + Channels.VX] + draws.noise(b, i, 0));
            uy[i] = clampVelocity(next[s + Channels.VY] + draws.noise(b, i, 1));
        }
        setMass(next, transport.apply(Formations.mass(state), ux, uy));
        return next;
    }

    /**
     * Given ∂L/∂(next states), adds ∂L/∂parameters into {@code gradParameters} and returns
     * ∂L/∂states. Recomputes the step's forward pass.
     */
    public double[][] backward(double[][] states, double[][] goals, int height, int width, StepDraws draws,
                               double[][] gradNext, double[] gradParameters) {
        int cells = height * width;
        Mlp.Activations a = mlp.forward(features(states, goals, height, width), states.length * cells);
        Transport transport = new Transport(transportSettings, height, width);
        double[][] gradStates = new double[states.length][];
        double[] gradOut = new double[states.length * cells * Architecture.OUTPUTS];
        IntStream.range(0, states.length).parallel().forEach(b -> gradStates[b] = updateBackward(states[b], a.output(),
                b * cells, draws, b, transport, gradNext[b], gradOut));
        double[] gradFeatures = mlp.backward(a, gradOut, gradParameters);
        IntStream.range(0, states.length).parallel().forEach(b ->
                CellPerception.backward(gradFeatures, b * cells * Mlp.INPUT_STRIDE, Mlp.INPUT_STRIDE, height, width,
                        gradStates[b]));
        return gradStates;
    }

    /** ∂L/∂state through the residual update, clamps and transport; writes ∂L/∂output rows into gradOut. */
    private static double[] updateBackward(double[] state, double[] out, int firstRow, StepDraws draws, int b,
                                           Transport transport, double[] gradNext, double[] gradOut) {
        int cells = state.length / Channels.COUNT;
        double[] pre = new double[state.length];
        double[] ux = new double[cells];
        double[] uy = new double[cells];
        double[] noisyX = new double[cells];
        double[] noisyY = new double[cells];
        for (int i = 0; i < cells; i++) {
            int s = i * Channels.COUNT;
            int o = (firstRow + i) * Architecture.OUTPUTS;
            double fire = draws.fire()[b][i];
            for (int j = 0; j < Architecture.OUTPUTS; j++) {
                int c = Channels.WRITTEN[j];
                pre[s + c] = state[s + c] + fire * out[o + j];
            }
            noisyX[i] = clamp(Channels.VX, pre[s + Channels.VX]) + draws.noise(b, i, 0);
            noisyY[i] = clamp(Channels.VY, pre[s + Channels.VY]) + draws.noise(b, i, 1);
            ux[i] = clampVelocity(noisyX[i]);
            uy[i] = clampVelocity(noisyY[i]);
        }
        double[] gradUx = new double[cells];
        double[] gradUy = new double[cells];
        double[] gradMassOut = Formations.mass(gradNext);
        double[] gradMassIn = transport.backward(Formations.mass(state), ux, uy, gradMassOut, gradUx, gradUy);
        double[] grad = new double[state.length];
        setMass(grad, gradMassIn);
        for (int i = 0; i < cells; i++) {
            int s = i * Channels.COUNT;
            int o = (firstRow + i) * Architecture.OUTPUTS;
            double fire = draws.fire()[b][i];
            for (int j = 0; j < Architecture.OUTPUTS; j++) {
                int c = Channels.WRITTEN[j];
                double g = gradNext[s + c];
                if (c == Channels.VX) {
                    g += within(noisyX[i], -1, 1) ? gradUx[i] : 0;
                } else if (c == Channels.VY) {
                    g += within(noisyY[i], -1, 1) ? gradUy[i] : 0;
                }
                if (!passes(c, pre[s + c])) {
                    g = 0;
                }
                grad[s + c] += g; // the residual x + fire·delta
                gradOut[o + j] = g * fire;
            }
            // target velocity is overwritten from the goal: no gradient reaches the old value that way
        }
        return grad;
    }

    static double clamp(int channel, double v) {
        if (channel < Channels.RGB) {
            return Math.max(0, Math.min(1, v));
        }
        if (channel == Channels.VX || channel == Channels.VY) {
            return clampVelocity(v);
        }
        return v;
    }

    /** Whether the clamp of this channel passes gradient at v (inside its range, bounds included). */
    private static boolean passes(int channel, double v) {
        if (channel < Channels.RGB) {
            return within(v, 0, 1);
        }
        if (channel == Channels.VX || channel == Channels.VY) {
            return within(v, -1, 1);
        }
        return true;
    }

    private static boolean within(double v, double lo, double hi) {
        return v >= lo && v <= hi;
    }

    static double clampVelocity(double v) {
        return Math.max(-1, Math.min(1, v));
    }

    static void setMass(double[] state, double[] mass) {
        for (int i = 0; i < mass.length; i++) {
            state[i * Channels.COUNT + Channels.MASS] = mass[i];
        }
    }
}
