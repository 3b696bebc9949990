package io.morphospark.models.discovery;

import io.morphospark.models.evaluation.PopulationEvaluator;
import io.morphospark.models.optim.Population;
import io.morphospark.models.problem.Evaluation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole state of a discovery between generations, which is what a checkpoint holds: the
 * search, the archive every evaluation is inserted into (MAP-Elites' own; for the other searches
 * a shadow archive over the same cells, the standard QD comparison), the ten best evaluations and
 * a few running totals. History is not kept here: each generation's rows go out with its
 * {@link Generation}, so the state does not grow with the run.
 */
public final class DiscoveryRun implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int TOP = 10;

    /** An evaluated candidate worth remembering. */
    public record Ranked(int generation, int candidate, double[] genome, double performance, double[] metrics)
            implements Serializable {
    }

    /** What one generation produced, for the tables. */
    public record Generation(Population population, Evaluation[] evaluations, double[][] descriptors,
                             List<Archive.Insertion> insertions, int[][] parents, GenerationMetrics metrics) {
    }

    private final DiscoverySearch search;
    private final BehaviourSpace space;
    private final Archive archive;
    private final List<Ranked> top = new ArrayList<>();
    private long evaluations;

    public DiscoveryRun(DiscoverySearch search, BehaviourSpace space, CellLayout layout) {
        this.search = search;
        this.space = space;
        this.archive = search instanceof MapElites me ? me.archive() : new Archive(layout);
    }

    public DiscoverySearch search() {
        return search;
    }

    public Archive archive() {
        return archive;
    }

    public BehaviourSpace space() {
        return space;
    }

    /** The best evaluations so far, best first (ties: earlier first). */
    public List<Ranked> top() {
        return List.copyOf(top);
    }

    public long evaluations() {
        return evaluations;
    }

    /** Whether the run has done {@code generations} generations, or its search has nothing more to ask. */
    public boolean done(int generations) {
        return search.generation() >= generations || search.exhausted();
    }

    /** ask → evaluate (the shared fan-out) → archive → tell. */
    public Generation step(PopulationEvaluator evaluator) {
        Population population = search.ask();
        int g = population.generation();
        int n = population.size();
        int[][] parents = new int[n][];
        for (int i = 0; i < n; i++) {
            parents[i] = search.parents(i);
        }
        Evaluation[] evals = evaluator.evaluate(population);
        double[][] descriptors = new double[n][];
        for (int i = 0; i < n; i++) {
            descriptors[i] = space.of(evals[i]);
        }
        List<Archive.Insertion> insertions;
        if (search instanceof MapElites me) {
            search.tell(evals);
            insertions = me.lastInsertions();
        } else {
            insertions = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                insertions.add(archive.insert(population.candidate(i), evals[i].fitness(), descriptors[i], g, i));
            }
            search.tell(evals);
        }
        evaluations += n;
        double best = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int invalid = 0;
        Set<String> triples = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Evaluation e = evals[i];
            triples.add(Genome.tripleId(population.candidate(i)));
            if (e.invalid()) {
                invalid++;
                continue;
            }
            best = Math.max(best, e.fitness());
            sum += e.fitness();
            top.add(new Ranked(g, i, population.candidate(i), e.fitness(), e.metrics()));
        }
        top.sort(Comparator.comparingDouble((Ranked r) -> r.performance()).reversed()
                .thenComparingInt(Ranked::generation).thenComparingInt(Ranked::candidate));
        while (top.size() > TOP) {
            top.remove(top.size() - 1);
        }
        int added = 0;
        int improved = 0;
        for (Archive.Insertion ins : insertions) {
            added += ins.status() == Archive.Status.NEW ? 1 : 0;
            improved += ins.status() == Archive.Status.IMPROVED ? 1 : 0;
        }
        double bestEver = top.isEmpty() ? Double.NaN : top.get(0).performance();
        GenerationMetrics m = new GenerationMetrics(g, n, evaluations, invalid == n ? Double.NaN : best,
                invalid == n ? Double.NaN : sum / (n - invalid), bestEver, invalid, triples.size() / (double) n,
                archive.size(), archive.coverage(), archive.qdScore(), archive.bestObjective(), archive.meanObjective(),
                added, improved);
        return new Generation(population, evals, descriptors, List.copyOf(insertions), parents, m);
    }
}
