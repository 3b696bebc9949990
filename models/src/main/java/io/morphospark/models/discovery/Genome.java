package io.morphospark.models.discovery;

import io.morphospark.models.agents.AgentAlgorithm;
import io.morphospark.models.agents.rules.Communication;
import io.morphospark.models.agents.rules.Decision;
import io.morphospark.models.agents.rules.Movement;
import io.morphospark.models.agents.rules.ParameterSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flat encoding of a morphogenetic algorithm that rides the population fan-out: a vector in
 * [0, 1]^{@link #DIMENSION}. Genes 0–2 are the movement, decision and communication rule (rule k of
 * n occupies [k/n, (k+1)/n)); the rest are every declared parameter of every rule ({@link #PARAMETERS},
 * the common ones first), each normalised to its range. Parameters of rules not chosen ride along
 * unused, so a mutation that switches a rule back finds the value it had (a union genome).
 */
public final class Genome {
    public static final int MOVEMENT = 0;
    public static final int DECISION = 1;
    public static final int COMMUNICATION = 2;
    public static final int RULE_GENES = 3;
    /** Every parameter any rule declares, in a fixed order: common, movement's, decision's, communication's. */
    public static final List<ParameterSpec> PARAMETERS = allParameters();
    public static final int DIMENSION = RULE_GENES + PARAMETERS.size();
    public static final int TRIPLES = Movement.values().length * Decision.values().length * Communication.values().length;

    private Genome() {
    }

    private static List<ParameterSpec> allParameters() {
        List<ParameterSpec> all = new ArrayList<>(AgentAlgorithm.COMMON);
        for (Movement m : Movement.values()) {
            all.addAll(m.parameters());
        }
        for (Decision d : Decision.values()) {
            all.addAll(d.parameters());
        }
        for (Communication c : Communication.values()) {
            all.addAll(c.parameters());
        }
        return Collections.unmodifiableList(all);
    }

    /** The gene index of a parameter, by its (globally unique) name. */
    public static int geneOf(String parameter) {
        for (int i = 0; i < PARAMETERS.size(); i++) {
            if (PARAMETERS.get(i).name().equals(parameter)) {
                return RULE_GENES + i;
            }
        }
        throw new IllegalArgumentException("unknown parameter '" + parameter + "'");
    }

    /** The rule index a rule gene selects among {@code n}; values outside [0, 1] are clamped. */
    public static int ruleIndex(double gene, int n) {
        return Math.min(n - 1, (int) Math.floor(clamp(gene) * n));
    }

    /** The gene value at the centre of rule {@code k}'s interval. */
    public static double ruleGene(int k, int n) {
        return (k + 0.5) / n;
    }

    public static Movement movement(double[] g) {
        return Movement.values()[ruleIndex(g[MOVEMENT], Movement.values().length)];
    }

    public static Decision decision(double[] g) {
        return Decision.values()[ruleIndex(g[DECISION], Decision.values().length)];
    }

    public static Communication communication(double[] g) {
        return Communication.values()[ruleIndex(g[COMMUNICATION], Communication.values().length)];
    }

    /** The algorithm a genome encodes: its triple and the parameters that triple declares, denormalised. */
    public static AgentAlgorithm decode(double[] g) {
        if (g.length != DIMENSION) {
            throw new IllegalArgumentException("a genome has " + DIMENSION + " genes, got " + g.length);
        }
        Movement m = movement(g);
        Decision d = decision(g);
        Communication c = communication(g);
        Map<String, Double> values = new LinkedHashMap<>();
        for (ParameterSpec p : AgentAlgorithm.parameterSpecs(m, d, c)) {
            double u = clamp(g[geneOf(p.name())]);
            values.put(p.name(), Math.min(p.max(), Math.max(p.min(), p.min() + u * (p.max() - p.min()))));
        }
        return AgentAlgorithm.of(m, d, c, values);
    }

    /** A genome of the algorithm; parameters it does not declare are at their defaults. */
    public static double[] encode(AgentAlgorithm a) {
        double[] g = defaults(a.movement(), a.decision(), a.communication());
        for (Map.Entry<String, Double> e : a.parameters().entrySet()) {
            ParameterSpec p = PARAMETERS.get(geneOf(e.getKey()) - RULE_GENES);
            g[geneOf(e.getKey())] = normalise(p, e.getValue());
        }
        return g;
    }

    /** The triple with every parameter at its default. */
    public static double[] defaults(Movement m, Decision d, Communication c) {
        double[] g = new double[DIMENSION];
        g[MOVEMENT] = ruleGene(m.ordinal(), Movement.values().length);
        g[DECISION] = ruleGene(d.ordinal(), Decision.values().length);
        g[COMMUNICATION] = ruleGene(c.ordinal(), Communication.values().length);
        for (int i = 0; i < PARAMETERS.size(); i++) {
            g[RULE_GENES + i] = normalise(PARAMETERS.get(i), PARAMETERS.get(i).defaultValue());
        }
        return g;
    }

    /** Triple number t of {@link #TRIPLES}, in enum order (movement slowest), at default parameters. */
    public static double[] triple(int t) {
        int nd = Decision.values().length;
        int nc = Communication.values().length;
        return defaults(Movement.values()[t / (nd * nc)], Decision.values()[(t / nc) % nd], Communication.values()[t % nc]);
    }

    /** The genes of the parameters the genome's triple uses (CMA-ME searches only these). */
    public static int[] activeGenes(double[] g) {
        List<ParameterSpec> specs = AgentAlgorithm.parameterSpecs(movement(g), decision(g), communication(g));
        int[] genes = new int[specs.size()];
        for (int i = 0; i < genes.length; i++) {
            genes[i] = geneOf(specs.get(i).name());
        }
        return genes;
    }

    /** {@code movement/decision/communication} of a genome. */
    public static String tripleId(double[] g) {
        return movement(g).id() + "/" + decision(g).id() + "/" + communication(g).id();
    }

    static double normalise(ParameterSpec p, double v) {
        return p.max() == p.min() ? 0.5 : (v - p.min()) / (p.max() - p.min());
    }

    public static double clamp(double v) {
        return Double.isNaN(v) ? 0.5 : Math.max(0, Math.min(1, v));
    }

    /**
     * Every gene clamped into [0, 1] and rule genes moved to the centre of their rule's interval:
     * what searches hand out, so two genomes of the same algorithm are the same vector.
     */
    public static double[] canonical(double[] g) {
        double[] out = clamped(g);
        out[MOVEMENT] = ruleGene(movement(out).ordinal(), Movement.values().length);
        out[DECISION] = ruleGene(decision(out).ordinal(), Decision.values().length);
        out[COMMUNICATION] = ruleGene(communication(out).ordinal(), Communication.values().length);
        return out;
    }

    /** The number of rules a rule gene chooses among. */
    public static int rules(int gene) {
        return switch (gene) {
            case MOVEMENT -> Movement.values().length;
            case DECISION -> Decision.values().length;
            case COMMUNICATION -> Communication.values().length;
            default -> throw new IllegalArgumentException("gene " + gene + " is not a rule gene");
        };
    }

    /** Every gene clamped into [0, 1]. */
    public static double[] clamped(double[] g) {
        double[] out = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = clamp(g[i]);
        }
        return out;
    }
}
