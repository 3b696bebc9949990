package io.morphospark.models.nca.advection;

import java.util.stream.IntStream;

/**
 * The untrained baseline: no network; every cell's velocity is the goal's target velocity (the
 * normalised gradient of the blurred target), and the same transport moves the mass (with the
 * same exploration noise, so the two differ only in where the velocity comes from).
 */
public final class GoalGradientBaseline implements StepFunction {
    private final TransportSettings transportSettings;

    public GoalGradientBaseline(TransportSettings transport) {
        this.transportSettings = transport;
    }

    @Override
    public double[][] step(double[][] states, double[][] goals, int height, int width, StepDraws draws) {
        Transport transport = new Transport(transportSettings, height, width);
        double[][] next = new double[states.length][];
        IntStream.range(0, states.length).parallel().forEach(b -> {
            int cells = height * width;
            double[] s = states[b].clone();
            double[] ux = new double[cells];
            double[] uy = new double[cells];
            for (int i = 0; i < cells; i++) {
                double vx = goals[b][i * Channels.GOAL + Channels.GOAL_VX];
                double vy = goals[b][i * Channels.GOAL + Channels.GOAL_VY];
                s[i * Channels.COUNT + Channels.VX] = vx;
                s[i * Channels.COUNT + Channels.VY] = vy;
                s[i * Channels.COUNT + Channels.TARGET_VX] = vx;
                s[i * Channels.COUNT + Channels.TARGET_VY] = vy;
                ux[i] = AdvectionNca.clampVelocity(vx + draws.noise(b, i, 0));
                uy[i] = AdvectionNca.clampVelocity(vy + draws.noise(b, i, 1));
            }
            AdvectionNca.setMass(s, transport.apply(Formations.mass(states[b]), ux, uy));
            next[b] = s;
        });
        return next;
    }

    @Override
    public double fireRate() {
        return 1;
    }

    @Override
    public TransportSettings transport() {
        return transportSettings;
    }
}
