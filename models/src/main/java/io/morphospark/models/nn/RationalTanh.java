package io.morphospark.models.nn;

/**
 * tanh to float32 precision as a branch-free rational function (the minimax approximation that
 * Eigen and XLA use for float tanh, so the same numbers a JAX float32 model sees). Unlike
 * {@link Math#tanh} it is plain arithmetic, so the JIT vectorises loops over it.
 */
public final class RationalTanh {
    /** Beyond this |x|, tanh(x) rounds to ±1 in float32. */
    static final float CLAMP = 7.90531110763549805f;

    private static final float A1 = 4.89352455891786e-03f;
    private static final float A3 = 6.37261928875436e-04f;
    private static final float A5 = 1.48572235717979e-05f;
    private static final float A7 = 5.12229709037114e-08f;
    private static final float A9 = -8.60467152213735e-11f;
    private static final float A11 = 2.00018790482477e-13f;
    private static final float A13 = -2.76076847742355e-16f;
    private static final float B0 = 4.89352518554385e-03f;
    private static final float B2 = 2.26843463243900e-03f;
    private static final float B4 = 1.18534705686654e-04f;
    private static final float B6 = 1.19825839466702e-06f;

    private RationalTanh() {
    }

    public static float tanh(float x) {
        float c = Math.max(-CLAMP, Math.min(CLAMP, x));
        float x2 = c * c;
        float p = x2 * A13 + A11;
        p = x2 * p + A9;
        p = x2 * p + A7;
        p = x2 * p + A5;
        p = x2 * p + A3;
        p = x2 * p + A1;
        p = c * p;
        float q = x2 * B6 + B4;
        q = x2 * q + B2;
        q = x2 * q + B0;
        return p / q;
    }

    /** In place over the first {@code n} values. Kept as a simple counted loop so C2 vectorises it. */
    public static void tanhInPlace(float[] v, int n) {
        for (int i = 0; i < n; i++) {
            float c = Math.max(-CLAMP, Math.min(CLAMP, v[i]));
            float x2 = c * c;
            float p = x2 * A13 + A11;
            p = x2 * p + A9;
            p = x2 * p + A7;
            p = x2 * p + A5;
            p = x2 * p + A3;
            p = x2 * p + A1;
            p = c * p;
            float q = x2 * B6 + B4;
            q = x2 * q + B2;
            q = x2 * q + B0;
            v[i] = p / q;
        }
    }
}
