package io.morphospark.models.nca.advection;

/**
 * The physics of one advection-NCA step: {@code subSteps} upwind advection passes of {@code dt},
 * then one diffusion pass of {@code diffusionRate}; {@code capacity} is the density a cell may
 * reach by inflow (infinite: no capacity limit); {@code velocityNoise} the standard deviation of
 * the Gaussian noise added, for exploration, to the velocity that moves the mass (not to the stored one).
 */
public record TransportSettings(double dt, int subSteps, double diffusionRate, double capacity, double velocityNoise) {
    /** The seed's: 2 sub-steps of 0.25, diffusion 0.08, velocity noise 0.25, density capped at 1. */
    public static final TransportSettings SEED = new TransportSettings(0.25, 2, 0.08, 1.0, 0.25);

    public TransportSettings {
        require(dt > 0 && dt <= 0.5, "advection dt must be in (0, 0.5], got " + dt);
        require(subSteps >= 1, "advection sub-steps must be at least 1, got " + subSteps);
        require(diffusionRate >= 0 && diffusionRate <= 0.25, "diffusion rate must be in [0, 0.25], got " + diffusionRate);
        require(capacity > 0, "capacity must be positive (infinity: no limit), got " + capacity);
        require(velocityNoise >= 0 && Double.isFinite(velocityNoise), "velocity noise must be >= 0, got " + velocityNoise);
    }

    public boolean capped() {
        return capacity != Double.POSITIVE_INFINITY;
    }

    public TransportSettings withVelocityNoise(double noise) {
        return new TransportSettings(dt, subSteps, diffusionRate, capacity, noise);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
