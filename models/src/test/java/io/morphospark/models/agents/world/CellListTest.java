package io.morphospark.models.agents.world;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The cell-list pass (half-shell, each pair once, added to both sides) finds exactly the
 * neighbours and sums an O(N²) scan finds, on a torus and between walls, including the 3-cell
 * minimum where the seam neighbours of a cell are the cells beside it.
 */
class CellListTest {
    @Test
    void matchesBruteForce() {
        for (boolean periodic : new boolean[] {true, false}) {
            for (double side : new double[] {3.0, 3.7, 10.0}) {
                int n = (int) (3 * side * side);
                SplittableRandom rng = new SplittableRandom(7);
                double[] x = new double[n];
                double[] y = new double[n];
                double[] h = new double[n];
                double[] s = new double[n];
                byte[] t = new byte[n];
                for (int i = 0; i < n; i++) {
                    x[i] = side * rng.nextDouble();
                    y[i] = side * rng.nextDouble();
                    h[i] = 6.28 * rng.nextDouble();
                    s[i] = rng.nextDouble();
                    t[i] = (byte) rng.nextInt(2);
                }
                CellList cl = new CellList(side, 1.0, periodic, n);
                double[] ux = new double[n];
                double[] uy = new double[n];
                for (int i = 0; i < n; i++) {
                    ux[i] = Math.cos(h[i]);
                    uy[i] = Math.sin(h[i]);
                }
                cl.sort(n, x, y);
                int[] order = cl.order.clone();
                CellList.State sorted = new CellList.State(CellList.gather(x, order, n, new double[n]),
                        CellList.gather(y, order, n, new double[n]), CellList.gather(ux, order, n, new double[n]),
                        CellList.gather(uy, order, n, new double[n]), CellList.gather(s, order, n, new double[n]),
                        CellList.gather(t, order, n, new byte[n]));
                cl.pass(n, sorted, 1.0, 0.5, 0.6, 0.7, 0.4, 0.5, 0.1, CellList.Needs.ALL);
                long pairs = 0;
                for (int a = 0; a < n; a++) {
                    int i = order[a];
                    int count = 0;
                    int same = 0;
                    int typeA = 0;
                    int signal = 0;
                    double cx = 0;
                    double cy = 0;
                    double hx = 0;
                    double signalSum = 0;
                    double ax = 0;
                    double rx = 0;
                    double fx = 0;
                    for (int j = 0; j < n; j++) {
                        double dx = x[j] - x[i];
                        double dy = y[j] - y[i];
                        if (periodic) {
                            dx -= side * Math.rint(dx / side);
                            dy -= side * Math.rint(dy / side);
                        }
                        double d2 = dx * dx + dy * dy;
                        if (j == i || d2 >= 1.0) {
                            continue;
                        }
                        count++;
                        same += t[j] == t[i] ? 1 : 0;
                        typeA += t[j] == 0 ? 1 : 0;
                        cx += dx;
                        cy += dy;
                        double d = Math.sqrt(d2);
                        if (d > 0) {
                            ax += (t[j] == t[i] ? 1 : 0.5) * dx / d;
                            rx -= Math.max(0, 1 - d / 0.6) * dx / d;
                            double g = (d - 0.4) / 0.6;
                            fx += (d < 0.4 ? -0.5 * (1 - d / 0.4) : 0.1 * 4 * g * (1 - g)) * dx / d;
                        }
                        if (d2 < 0.49) {
                            signal++;
                            hx += ux[j];
                            signalSum += s[j];
                        }
                    }
                    pairs += count;
                    String where = "periodic " + periodic + " side " + side + " agent " + i;
                    assertEquals(count, cl.count[a], where);
                    assertEquals(same, cl.same[a], where);
                    assertEquals(typeA, cl.typeA[a], where);
                    assertEquals(signal, cl.signalCount[a], where);
                    assertEquals(cx, cl.cx[a], 1e-9, where);
                    assertEquals(cy, cl.cy[a], 1e-9, where);
                    assertEquals(hx, cl.hx[a], 1e-9, where);
                    assertEquals(signalSum, cl.signalSum[a], 1e-9, where);
                    assertEquals(ax, cl.ax[a], 1e-9, where);
                    assertEquals(rx, cl.rx[a], 1e-9, where);
                    assertEquals(fx, cl.fx[a], 1e-9, where);
                }
                assertEquals(pairs, cl.interactions);
            }
        }
    }
}
