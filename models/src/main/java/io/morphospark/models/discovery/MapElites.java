package io.morphospark.models.discovery;

import io.morphospark.models.problem.Evaluation;
import io.morphospark.models.problem.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MAP-Elites (Mouret & Clune 2015) with pyribs-style emitters: generation 0 fills the archive from
 * {@code initial} random genomes; each later generation concatenates the emitters' batches
 * (Gaussian, crossover, CMA-ME), inserts every evaluation into the archive by its behaviour
 * descriptors, and tells each emitter how its genomes fared.
 */
public final class MapElites extends DiscoverySearch {
    private static final long serialVersionUID = 1L;

    private final Problem problem;
    private final BehaviourSpace space;
    private final Archive archive;
    private final List<Emitter> emitters;
    private final int initial;
    private final long seed;
    private final boolean seedTriples;
    private List<Archive.Insertion> lastInsertions = List.of();
    /** Whether the population last asked came from the emitters (not random genomes), so they are told. */
    private boolean emittedLast;

    public MapElites(Problem problem, BehaviourSpace space, CellLayout layout, List<Emitter> emitters, int initial, long seed) {
        this(problem, space, layout, emitters, initial, seed, false);
    }

    /** @param seedTriples generation 0 is the 125 triples at default parameters instead of {@code initial} random genomes */
    public MapElites(Problem problem, BehaviourSpace space, CellLayout layout, List<Emitter> emitters, int initial, long seed,
                     boolean seedTriples) {
        super("map-elites");
        if (emitters.isEmpty()) {
            throw new IllegalArgumentException("MAP-Elites needs at least one emitter");
        }
        checkPositive("initial population", initial);
        this.problem = problem;
        this.space = space;
        this.archive = new Archive(layout);
        this.emitters = List.copyOf(emitters);
        this.initial = initial;
        this.seed = seed;
        this.seedTriples = seedTriples;
    }

    public Archive archive() {
        return archive;
    }

    public BehaviourSpace space() {
        return space;
    }

    public List<Emitter> emitters() {
        return emitters;
    }

    /** The archive's answers to the last told generation, in candidate order. */
    public List<Archive.Insertion> lastInsertions() {
        return lastInsertions;
    }

    @Override
    protected Batch sample(int generation) {
        emittedLast = !(generation == 0 || archive.isEmpty());
        if (generation == 0 && seedTriples) {
            return allTriples();
        }
        if (!emittedLast) {
            return random(problem, seed, generation, generation == 0 ? initial : batchSize());
        }
        List<double[]> genomes = new ArrayList<>();
        List<int[]> parents = new ArrayList<>();
        for (Emitter e : emitters) {
            Batch b = e.emit(archive, seed, generation, genomes.size());
            genomes.addAll(List.of(b.genomes()));
            parents.addAll(List.of(b.parents()));
        }
        return new Batch(genomes.toArray(double[][]::new), parents.toArray(int[][]::new));
    }

    /** Candidates per generation after the first: the emitters' batches together. */
    public int batchSize() {
        return emitters.stream().mapToInt(Emitter::batch).sum();
    }

    @Override
    protected void update(double[][] genomes, Evaluation[] evaluations) {
        List<Archive.Insertion> all = new ArrayList<>(genomes.length);
        for (int i = 0; i < genomes.length; i++) {
            all.add(archive.insert(genomes[i], evaluations[i].fitness(), space.of(evaluations[i]), generation(), i));
        }
        lastInsertions = List.copyOf(all);
        if (emittedLast) {
            int offset = 0;
            for (Emitter e : emitters) {
                e.told(java.util.Arrays.copyOfRange(genomes, offset, offset + e.batch()), all.subList(offset, offset + e.batch()));
                offset += e.batch();
            }
        }
    }

    @Override
    public Map<String, Double> stateSummary() {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("elites", (double) archive.size());
        s.put("coverage", archive.coverage());
        s.put("qd_score", archive.qdScore());
        for (int k = 0; k < emitters.size(); k++) {
            if (emitters.get(k) instanceof CmaEmitter c) {
                s.put("cma_restarts_" + k, (double) c.restarts());
            }
        }
        return s;
    }
}
