package io.morphospark.models.patterns.sim;

/** Range-1 lattice neighbourhoods. */
public enum Neighbourhood {
    /** The 4 edge neighbours. */
    VON_NEUMANN(new int[] {0, -1, 1, 0}, new int[] {-1, 0, 0, 1}),
    /** The 8 edge and corner neighbours. */
    MOORE(new int[] {-1, 0, 1, -1, 1, -1, 0, 1}, new int[] {-1, -1, -1, 0, 0, 1, 1, 1});

    private final int[] dx;
    private final int[] dy;

    Neighbourhood(int[] dx, int[] dy) {
        this.dx = dx;
        this.dy = dy;
    }

    public int size() {
        return dx.length;
    }

    public int dx(int k) {
        return dx[k];
    }

    public int dy(int k) {
        return dy[k];
    }

    /** Index offsets of the neighbours in a row-major array whose rows are {@code stride} long. */
    public int[] offsets(int stride) {
        int[] o = new int[dx.length];
        for (int k = 0; k < o.length; k++) {
            o[k] = dy[k] * stride + dx[k];
        }
        return o;
    }
}
