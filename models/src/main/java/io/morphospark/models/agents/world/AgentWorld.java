package io.morphospark.models.agents.world;

import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.agents.rules.Communication;
import io.morphospark.models.agents.rules.Decision;
import io.morphospark.models.agents.rules.Movement;

import java.util.Arrays;

/**
 * A 2-D world of agents run by one {@link AgentAlgorithm}. State is held as structure of arrays
 * (position, heading, type, energy, age, emitted signal, id). Updates are synchronous: every
 * agent perceives the state at the start of the step (one fused cell-list pass) and its new
 * heading and position are written to separate arrays, so the update order does not matter; all
 * randomness comes from {@link Draws} keyed by (seed, step, agent id, purpose). Division and death
 * (when on) are applied afterwards in id order. The same seed gives a bit-identical run anywhere.
 */
public final class AgentWorld {
    /** Most a single step may displace an agent (in radii), so cell lists and fields stay valid. */
    static final double MAX_DISPLACEMENT = 0.5;
    /** Core overlap penalty K of the adhesion energy. */
    static final double CORE_STIFFNESS = 10;
    private static final double TAU = 2 * Math.PI;

    private final WorldSettings settings;
    private final AgentAlgorithm algorithm;
    private final long seed;
    private final double radius;
    private final double side;
    private final double core;
    private final CellList cells;
    /** The chemical_trails field (null for other communication rules). */
    private final Field trail;
    /** A static morphogen prepattern: resource of the energy budget, guidance field without trails. */
    private final Field morphogen;
    private final PolicyNetwork policy;
    private final double[] features = new double[PolicyNetwork.INPUTS];
    private final double[] probabilities = new double[PolicyNetwork.ACTIONS];

    // Rule parameters, read once.
    private final double speed;
    /** 1 − anisotropy: the factor of every displacement's y component. */
    private final double yMobility;
    private final double persistence;
    private final double sensitivity;
    private final double selectivity;
    private final double repulsionRange;
    private final double chirality;
    private final double edgeBias;
    private final double threshold;
    private final double temperature;
    private final double noise;
    private final double movementWeight;
    private final double adhesionSame;
    private final double adhesionOther;
    private final double mcTemperature;
    private final double signalRange;
    private final double broadcastGain;
    private final double deposit;
    private final double diffusion;
    private final double decay;
    private final double stiffness;
    private final double adhesion;

    /** The neighbour sums the rules read, so the pass accumulates no others. */
    private final CellList.Needs needs;

    private int n;
    private int step;
    private long nextId;
    private long[] id;
    private double[] x;
    private double[] y;
    /** Unit heading vectors: no trigonometry in the step but the random turns. */
    private double[] ux;
    private double[] uy;
    private double[] energy;
    private double[] state;
    private byte[] type;
    private int[] age;
    private double[] newX;
    private double[] newY;
    private double[] newUx;
    private double[] newUy;
    private boolean[] wantsDivision;
    /** Scratch arrays for reordering the state by cell (double, long, int, byte). */
    private double[] spareD;
    private long[] spareL;
    private int[] spareI;
    private byte[] spareB;
    private boolean[] spareFlags;
    private long interactions;
    private int perceivedStep = -1;

    public AgentWorld(WorldSettings settings, AgentAlgorithm algorithm, long seed) {
        this.settings = settings;
        this.algorithm = algorithm;
        this.seed = seed;
        this.radius = settings.radius();
        this.side = settings.side();
        this.core = settings.core() * radius;
        int capacity = settings.division() ? settings.maxAgents() : settings.agents();
        this.cells = new CellList(side, radius, settings.periodic(), settings.agents());
        this.morphogen = new Field(side, radius, settings.periodic());
        for (int gy = 0; gy < morphogen.cells(); gy++) {
            for (int gx = 0; gx < morphogen.cells(); gx++) {
                double px = (gx + 0.5) * morphogen.cellSize();
                double py = (gy + 0.5) * morphogen.cellSize();
                morphogen.set(gx, gy, 0.5 + 0.25 * (Math.cos(TAU * px / side) + Math.cos(TAU * py / side)));
            }
        }
        this.trail = algorithm.communication() == Communication.CHEMICAL_TRAILS ? new Field(side, radius, settings.periodic()) : null;
        this.speed = algorithm.get("speed") * radius;
        this.yMobility = 1 - algorithm.get("anisotropy");
        this.persistence = param("persistence", 0);
        this.sensitivity = param("sensitivity", 0);
        this.selectivity = param("selectivity", 0);
        this.repulsionRange = param("repulsion_range", 1) * radius;
        this.chirality = param("chirality", 0);
        this.edgeBias = param("edge_bias", 0);
        this.threshold = param("threshold", 0);
        this.temperature = param("temperature", 1);
        this.noise = param("noise", 0);
        this.movementWeight = param("movement_weight", 0);
        this.adhesionSame = param("adhesion_same", 0);
        this.adhesionOther = param("adhesion_other", 0);
        this.mcTemperature = param("mc_temperature", 1);
        this.signalRange = param("signal_range", 1) * radius;
        this.broadcastGain = param("broadcast_gain", 0);
        this.deposit = param("deposit", 0);
        this.diffusion = param("diffusion", 0);
        this.decay = param("decay", 0);
        boolean mechanics = algorithm.communication() == Communication.MECHANICAL_FORCES;
        this.stiffness = mechanics ? param("stiffness", 0) : 0;
        this.adhesion = mechanics ? param("adhesion", 0) : 0;
        this.needs = new CellList.Needs(algorithm.decision() == Decision.LEARNING_BASED,
                algorithm.movement() == Movement.BOUNDARY_FOLLOWING,
                algorithm.communication() == Communication.LOCAL_SIGNALING,
                mechanics || algorithm.movement() == Movement.NEIGHBOR_ATTRACTION
                        || algorithm.movement() == Movement.NEIGHBOR_REPULSION);
        this.policy = algorithm.decision() != Decision.LEARNING_BASED ? null
                : new PolicyNetwork(algorithm.policyWeights() != null ? algorithm.policyWeights()
                : PolicyNetwork.randomWeights(seed, param("weight_scale", 1)));
        allocate(capacity);
        place();
    }

    private double param(String name, double absent) {
        Double v = algorithm.parameters().get(name);
        return v == null ? absent : v;
    }

    private void allocate(int capacity) {
        id = new long[capacity];
        x = new double[capacity];
        y = new double[capacity];
        ux = new double[capacity];
        uy = new double[capacity];
        energy = new double[capacity];
        state = new double[capacity];
        type = new byte[capacity];
        age = new int[capacity];
        newX = new double[capacity];
        newY = new double[capacity];
        newUx = new double[capacity];
        newUy = new double[capacity];
        wantsDivision = new boolean[capacity];
        spareD = new double[capacity];
        spareL = new long[capacity];
        spareI = new int[capacity];
        spareB = new byte[capacity];
        spareFlags = new boolean[capacity];
    }

    /** Uniform positions and headings from the draws of step −1; types in order A…, B…, C…. */
    private void place() {
        long key = Draws.stepKey(seed, -1);
        int[] counts = settings.typeCounts();
        n = settings.agents();
        int i = 0;
        for (int t = 0; t < counts.length; t++) {
            for (int k = 0; k < counts[t]; k++, i++) {
                id[i] = i;
                x[i] = side * Draws.uniform(key, i, Draws.INITIAL_X);
                y[i] = side * Draws.uniform(key, i, Draws.INITIAL_Y);
                double h = TAU * Draws.uniform(key, i, Draws.INITIAL_HEADING);
                ux[i] = Math.cos(h);
                uy[i] = Math.sin(h);
                type[i] = (byte) t;
                energy[i] = WorldSettings.INITIAL_ENERGY;
            }
        }
        nextId = n;
    }

    /**
     * Sorts the agents by cell, reorders the state arrays to match (agent i's state moves to its
     * sorted position, so neighbours lie next to each other in memory and the pass reads them in
     * order), and runs the neighbour pass on the current state. Once per state: a step after a
     * perceive, e.g. to measure, reuses it. Indices therefore change from step to step; an agent
     * is known by its {@link #id}.
     */
    public void perceive() {
        if (perceivedStep == step) {
            return;
        }
        perceivedStep = step;
        cells.sort(n, x, y);
        permute(cells.order);
        cells.pass(n, sorted(), radius, selectivity, repulsionRange, signalRange, core, stiffness, adhesion, needs);
        interactions += cells.interactions;
    }

    /** Moves agent order[a]'s whole state to index a. */
    private void permute(int[] order) {
        double[] t = CellList.gather(x, order, n, newX);
        newX = x;
        x = t;
        t = CellList.gather(y, order, n, newY);
        newY = y;
        y = t;
        t = CellList.gather(ux, order, n, newUx);
        newUx = ux;
        ux = t;
        t = CellList.gather(uy, order, n, newUy);
        newUy = uy;
        uy = t;
        t = CellList.gather(energy, order, n, spareD);
        spareD = energy;
        energy = t;
        t = CellList.gather(state, order, n, spareD);
        spareD = state;
        state = t;
        long[] l = CellList.gather(id, order, n, spareL);
        spareL = id;
        id = l;
        int[] ages = CellList.gather(age, order, n, spareI);
        spareI = age;
        age = ages;
        byte[] b = CellList.gather(type, order, n, spareB);
        spareB = type;
        type = b;
        for (int a = 0; a < n; a++) {
            spareFlags[a] = wantsDivision[order[a]];
        }
        boolean[] f = spareFlags;
        spareFlags = wantsDivision;
        wantsDivision = f;
    }

    /** Indices of the agents in increasing id order. */
    public int[] idOrder() {
        long[] ids = Arrays.copyOf(id, n);
        Arrays.sort(ids);
        int[] byId = new int[n];
        for (int i = 0; i < n; i++) {
            byId[Arrays.binarySearch(ids, id[i])] = i;
        }
        return byId;
    }

    /** The state as the cell list reads it (in sorted order after {@link #perceive}). */
    private CellList.State sorted() {
        return new CellList.State(x, y, ux, uy, state, type);
    }

    /** One synchronous step of every agent. */
    public void step() {
        long key = Draws.stepKey(seed, step);
        perceive();
        double gx = 0;
        double gy = 0;
        double gs = 0;
        for (int i = 0; i < n; i++) {
            gx += ux[i];
            gy += uy[i];
            gs += state[i];
        }
        gx /= n;
        gy /= n;
        gs /= n;
        Movement movement = algorithm.movement();
        Decision decision = algorithm.decision();
        Communication communication = algorithm.communication();
        Field guidance = trail != null ? trail : morphogen;
        double limit = MAX_DISPLACEMENT * radius;
        CellList.State sorted = sorted();
        for (int i = 0; i < n; i++) {
            final int a = i; // perceive() put the state in sorted order: index and sorted position agree
            long agent = id[i];
            int count = cells.count[a];
            double hetero = count == 0 ? 1 : (count - cells.same[a]) / (double) count;
            double hX = ux[i];
            double hY = uy[i];

            // Movement rule: the desired unit direction M (the heading where the rule has no opinion).
            double mx;
            double my;
            switch (movement) {
                case RANDOM_WALK -> {
                    double ang = (1 - persistence) * Math.PI * Draws.symmetric(key, agent, Draws.TURN);
                    double c = Math.cos(ang);
                    double sn = Math.sin(ang);
                    mx = hX * c - hY * sn;
                    my = hX * sn + hY * c;
                }
                case GRADIENT_FOLLOWING -> {
                    double c = guidance.at(x[i], y[i]);
                    double k = sensitivity * radius / (1 + Math.max(0, c));
                    mx = hX + k * guidance.gradientX(x[i], y[i]);
                    my = hY + k * guidance.gradientY(x[i], y[i]);
                }
                case NEIGHBOR_ATTRACTION -> {
                    mx = count > 0 ? cells.ax[a] : hX;
                    my = count > 0 ? cells.ay[a] : hY;
                }
                case NEIGHBOR_REPULSION -> {
                    boolean pushed = cells.rx[a] != 0 || cells.ry[a] != 0;
                    mx = pushed ? cells.rx[a] : hX;
                    my = pushed ? cells.ry[a] : hY;
                }
                case BOUNDARY_FOLLOWING -> {
                    double inX = 0;
                    double inY = 0;
                    if (!settings.periodic() && nearestWallInward(x[i], y[i])) {
                        inX = wallX;
                        inY = wallY;
                    } else if (count > 0) {
                        double len = Math.sqrt(cells.cx[a] * cells.cx[a] + cells.cy[a] * cells.cy[a]);
                        if (len > 0) {
                            inX = cells.cx[a] / len;
                            inY = cells.cy[a] / len;
                        }
                    }
                    boolean edge = inX != 0 || inY != 0;
                    mx = edge ? chirality * -inY + edgeBias * inX : hX;
                    my = edge ? chirality * inX + edgeBias * inY : hY;
                }
                default -> throw new IllegalStateException(movement.id());
            }
            double ml = Math.sqrt(mx * mx + my * my);
            if (ml > 0) {
                mx /= ml;
                my /= ml;
            } else {
                mx = hX;
                my = hY;
            }

            // Communication rule: the cue vector V and, where there is one, the cue level S.
            double vx = 0;
            double vy = 0;
            double cue = 0;
            boolean hasCue = true;
            double fx = 0;
            double fy = 0;
            switch (communication) {
                case NONE -> hasCue = false;
                case LOCAL_SIGNALING -> {
                    vx = cells.hx[a];
                    vy = cells.hy[a];
                    cue = cells.signalCount[a] > 0 ? cells.signalSum[a] / cells.signalCount[a] : 0;
                }
                case GLOBAL_BROADCAST -> {
                    vx = broadcastGain * gx;
                    vy = broadcastGain * gy;
                    cue = gs;
                }
                case CHEMICAL_TRAILS -> {
                    double c = Math.max(0, trail.at(x[i], y[i]));
                    vx = trail.gradientX(x[i], y[i]) * radius / (1 + c);
                    vy = trail.gradientY(x[i], y[i]) * radius / (1 + c);
                    cue = c / (1 + c);
                }
                case MECHANICAL_FORCES -> {
                    fx = cells.fx[a] * radius;
                    fy = cells.fy[a] * radius;
                    cue = Math.min(1, Math.sqrt(cells.fx[a] * cells.fx[a] + cells.fy[a] * cells.fy[a])
                            / Math.max(1e-9, stiffness + adhesion));
                }
                default -> throw new IllegalStateException(communication.id());
            }

            // Decision rule: the new unit heading (dirX, dirY) and whether to move along it.
            dirX = hX;
            dirY = hY;
            boolean move;
            boolean proposed = false;
            double px = 0;
            double py = 0;
            wantsDivision[i] = false;
            switch (decision) {
                case THRESHOLD_BASED -> {
                    double q = hasCue ? 0.5 * (hetero + cue) : hetero;
                    move = q > threshold;
                    if (move) {
                        direction(mx + vx, my + vy);
                    }
                }
                case PROBABILISTIC -> {
                    double u0 = hetero;
                    double u1 = Math.min(1, Math.sqrt(vx * vx + vy * vy));
                    double u2 = hX * mx + hY * my;
                    double u3 = 1 - hetero;
                    double max = Math.max(Math.max(u0, u1), Math.max(u2, u3));
                    double e0 = Math.exp((u0 - max) / temperature);
                    double e1 = Math.exp((u1 - max) / temperature);
                    double e2 = Math.exp((u2 - max) / temperature);
                    double e3 = Math.exp((u3 - max) / temperature);
                    double r = Draws.uniform(key, agent, Draws.CHOICE) * (e0 + e1 + e2 + e3);
                    if (r < e0) {
                        dirX = mx;
                        dirY = my;
                        move = true;
                    } else if (r < e0 + e1) {
                        direction(vx, vy);
                        move = true;
                    } else {
                        move = r < e0 + e1 + e2;
                    }
                }
                case LEARNING_BASED -> {
                    double norm = count == 0 ? 1 : count;
                    features[0] = count / 20.0;
                    features[1] = cells.typeA[a] / norm;
                    features[2] = cells.typeB[a] / norm;
                    features[3] = (count - cells.typeA[a] - cells.typeB[a]) / norm;
                    features[4] = morphogen.at(x[i], y[i]);
                    features[5] = cue;
                    features[6] = Math.min(1, Math.sqrt(vx * vx + vy * vy));
                    features[7] = energy[i];
                    features[8] = Math.min(1, age[i] / 1000.0);
                    features[9] = hX * mx + hY * my;
                    policy.forward(features, probabilities);
                    int action = sample(probabilities, Draws.uniform(key, agent, Draws.CHOICE));
                    move = true;
                    switch (action) {
                        case PolicyNetwork.MOVE_NORTH -> direction(0, 1);
                        case PolicyNetwork.MOVE_SOUTH -> direction(0, -1);
                        case PolicyNetwork.MOVE_EAST -> direction(1, 0);
                        case PolicyNetwork.MOVE_WEST -> direction(-1, 0);
                        case PolicyNetwork.COMMUNICATE -> direction(vx, vy);
                        case PolicyNetwork.COOPERATE -> direction(mx, my);
                        case PolicyNetwork.DIVIDE -> {
                            wantsDivision[i] = true;
                            move = false;
                        }
                        default -> move = false;
                    }
                }
                case CONSENSUS_BASED -> {
                    direction(hX + vx + movementWeight * mx, hY + vy + movementWeight * my);
                    double ang = noise * Math.PI * Draws.symmetric(key, agent, Draws.NOISE);
                    double c = Math.cos(ang);
                    double sn = Math.sin(ang);
                    double rx = dirX * c - dirY * sn;
                    dirY = dirX * sn + dirY * c;
                    dirX = rx;
                    move = true;
                }
                case ENERGY_MINIMIZING -> {
                    double ang = TAU * Draws.uniform(key, agent, Draws.PROPOSAL);
                    double jx = Math.cos(ang);
                    double jy = Math.sin(ang);
                    dirX = jx;
                    dirY = jy;
                    direction(mx + vx + jx, my + vy + jy);
                    double pdx = dirX;
                    double pdy = dirY;
                    dirX = hX;
                    dirY = hY;
                    px = wrapOrReflect(x[i] + speed * pdx);
                    py = wrapOrReflect(y[i] + speed * pdy * yMobility);
                    double before = cells.energyAt(sorted, x[i], y[i], type[i], i, radius, core, adhesionSame,
                            adhesionOther, CORE_STIFFNESS);
                    double after = cells.energyAt(sorted, px, py, type[i], i, radius, core, adhesionSame, adhesionOther,
                            CORE_STIFFNESS);
                    double delta = after - before;
                    move = delta <= 0 || Draws.uniform(key, agent, Draws.ACCEPT) < Math.exp(-delta / mcTemperature);
                    proposed = move;
                    if (move) {
                        dirX = pdx;
                        dirY = pdy;
                    }
                }
                default -> throw new IllegalStateException(decision.id());
            }

            double dx = fx;
            double dy = fy;
            if (move && !proposed) {
                dx += speed * dirX;
                dy += speed * dirY;
            }
            dy *= yMobility;
            double dl2 = dx * dx + dy * dy;
            if (dl2 > limit * limit) {
                double f = limit / Math.sqrt(dl2);
                dx *= f;
                dy *= f;
            }
            double nx = (proposed ? px : x[i]) + dx;
            double ny = (proposed ? py : y[i]) + dy;
            if (!settings.periodic()) {
                if (nx < 0 || nx >= side) {
                    dirX = -dirX;
                }
                if (ny < 0 || ny >= side) {
                    dirY = -dirY;
                }
            }
            newX[i] = wrapOrReflect(nx);
            newY[i] = wrapOrReflect(ny);
            newUx[i] = dirX;
            newUy[i] = dirY;
            state[i] = hetero; // the pass has already read every agent's signal, so this write is invisible this step
            if (settings.division()) {
                energy[i] += WorldSettings.UPTAKE * morphogen.at(x[i], y[i]) - WorldSettings.BASAL_COST
                        - (move ? WorldSettings.MOVE_COST : 0);
            }
            age[i]++;
        }
        double[] t = x;
        x = newX;
        newX = t;
        t = y;
        y = newY;
        newY = t;
        t = ux;
        ux = newUx;
        newUx = t;
        t = uy;
        uy = newUy;
        newUy = t;
        if (trail != null) {
            for (int i = 0; i < n; i++) {
                trail.deposit(x[i], y[i], deposit);
            }
            trail.diffuseAndDecay(diffusion, decay);
        }
        if (settings.division()) {
            divideAndDie(key);
        }
        step++;
    }

    /** Scratch output of {@link #direction}: the decided unit heading. */
    private double dirX;
    private double dirY;

    /** Sets (dirX, dirY) to the unit vector along (vx, vy); leaves it unchanged for a zero vector. */
    private void direction(double vx, double vy) {
        double l2 = vx * vx + vy * vy;
        if (l2 > 0) {
            double inv = 1 / Math.sqrt(l2);
            dirX = vx * inv;
            dirY = vy * inv;
        }
    }

    private static int sample(double[] p, double u) {
        double acc = 0;
        for (int k = 0; k < p.length - 1; k++) {
            acc += p[k];
            if (u < acc) {
                return k;
            }
        }
        return p.length - 1;
    }

    private static double normalise(double th) {
        double r = th % TAU;
        return r < 0 ? r + TAU : r;
    }

    private double wallX;
    private double wallY;

    /** Whether a wall lies within R; if so (wallX, wallY) is the inward normal of the nearest one. */
    private boolean nearestWallInward(double px, double py) {
        double left = px;
        double right = side - px;
        double bottom = py;
        double top = side - py;
        double min = Math.min(Math.min(left, right), Math.min(bottom, top));
        if (min >= radius) {
            return false;
        }
        wallX = min == left ? 1 : min == right ? -1 : 0;
        wallY = wallX != 0 ? 0 : min == bottom ? 1 : -1;
        return true;
    }

    private double wrapOrReflect(double v) {
        if (settings.periodic()) {
            // One step moves less than the side, so one add or subtract wraps: exactly what v % side
            // (+ side) gives there (both are exact), without the slow floating-point remainder.
            double r = v < 0 ? v + side : v >= side ? v - side : v;
            if (r < 0 || r >= side) {
                r = v % side;
                r = r < 0 ? r + side : r;
            }
            return r >= side ? 0 : r;
        }
        double r = v < 0 ? -v : v;
        r = r >= side ? 2 * side - r : r;
        return Math.min(Math.max(r, 0), Math.nextDown(side));
    }

    /**
     * In id order: agents out of energy die; agents above the division energy split into two (their
     * daughters take the next ids). The state is put in id order first, so which agents divide
     * when the cap is reached does not depend on where the agents lie.
     */
    private void divideAndDie(long key) {
        permute(idOrder());
        int kept = 0;
        int cap = settings.maxAgents();
        for (int i = 0; i < n; i++) {
            if (energy[i] <= 0) {
                continue;
            }
            move(i, kept);
            kept++;
        }
        n = kept;
        int before = n;
        for (int i = 0; i < before && n < cap; i++) {
            boolean divides = energy[i] >= WorldSettings.DIVISION_ENERGY
                    || (wantsDivision[i] && energy[i] >= WorldSettings.DIVISION_ENERGY / 2);
            if (!divides) {
                continue;
            }
            energy[i] /= 2;
            int d = n++;
            double ang = TAU * Draws.uniform(key, id[i], Draws.DAUGHTER);
            id[d] = nextId++;
            x[d] = wrapOrReflect(x[i] + 0.5 * core * Math.cos(ang));
            y[d] = wrapOrReflect(y[i] + 0.5 * core * Math.sin(ang));
            ux[d] = Math.cos(ang);
            uy[d] = Math.sin(ang);
            type[d] = type[i];
            energy[d] = energy[i];
            state[d] = state[i];
            age[d] = 0;
        }
    }

    private void move(int from, int to) {
        if (from == to) {
            return;
        }
        id[to] = id[from];
        x[to] = x[from];
        y[to] = y[from];
        ux[to] = ux[from];
        uy[to] = uy[from];
        type[to] = type[from];
        energy[to] = energy[from];
        state[to] = state[from];
        age[to] = age[from];
        wantsDivision[to] = wantsDivision[from];
    }

    public int size() {
        return n;
    }

    public int stepCount() {
        return step;
    }

    public WorldSettings settings() {
        return settings;
    }

    public AgentAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * The id of the agent at index i. Indices hold until the next step or {@link #perceive}, which
     * reorder the agents by cell; an agent keeps its id for life.
     */
    public long id(int i) {
        return id[i];
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    /** Heading angle in [0, 2π). */
    public double heading(int i) {
        return normalise(Math.atan2(uy[i], ux[i]));
    }

    /** Unit heading vector components. */
    public double headingX(int i) {
        return ux[i];
    }

    public double headingY(int i) {
        return uy[i];
    }

    public int type(int i) {
        return type[i];
    }

    public double energy(int i) {
        return energy[i];
    }

    public int age(int i) {
        return age[i];
    }

    /** Copies of positions in id order (x then y), for tests and comparisons. */
    public double[] positions() {
        int[] byId = idOrder();
        double[] p = new double[2 * n];
        for (int k = 0; k < n; k++) {
            p[k] = x[byId[k]];
            p[n + k] = y[byId[k]];
        }
        return p;
    }

    /** Neighbour pairs within R summed over all passes so far (each pair from both sides). */
    public long interactions() {
        return interactions;
    }

    /** Contacts (neighbours within R) and homotypic contacts summed over agents, from the last pass. */
    public long[] contacts() {
        long all = 0;
        long same = 0;
        for (int a = 0; a < n; a++) {
            all += cells.count[a];
            same += cells.same[a];
        }
        return new long[] {all, same};
    }

    /** The trail field (null unless chemical_trails). */
    public Field trail() {
        return trail;
    }
}
