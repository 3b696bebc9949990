package io.morphospark.models.discovery;

import io.morphospark.models.optim.CmaEs;
import io.morphospark.models.optim.Population;
import io.morphospark.models.random.Purpose;
import io.morphospark.models.random.RandomStreams;

import java.util.List;
import java.util.SplittableRandom;

/**
 * CMA-ME's improvement emitter (Fontaine et al. 2020): CMA-ES ({@link CmaEs}) over the continuous
 * parameters of one elite's rule triple, the triple held fixed. Candidates are ranked for CMA-ES
 * by what they did to the archive: new cells first (by objective), then improvements (by gain),
 * then the rest (by shortfall). When a generation adds nothing, or σ has collapsed, the emitter
 * restarts from another elite, drawn from its own stream, with a fresh CMA-ES.
 */
public final class CmaEmitter implements Emitter {
    private static final long serialVersionUID = 1L;
    private static final double MIN_SIGMA = 1e-6;

    private final int batch;
    private final double sigma0;
    private double[] base;
    private int[] active;
    private Elite origin;
    private CmaEs cma;
    private Population asked;
    private int restarts;

    public CmaEmitter(int batch, double sigma0) {
        if (batch < 2) {
            throw new IllegalArgumentException("a CMA-ME emitter needs a batch of at least 2, got " + batch);
        }
        DiscoverySearch.checkSigma(sigma0);
        this.batch = batch;
        this.sigma0 = sigma0;
    }

    @Override
    public String name() {
        return "cma";
    }

    @Override
    public int batch() {
        return batch;
    }

    public int restarts() {
        return restarts;
    }

    @Override
    public Batch emit(Archive archive, long seed, int generation, int offset) {
        if (cma == null) {
            SplittableRandom rng = RandomStreams.stream(seed, Purpose.SELECTION, generation, offset, restarts);
            origin = archive.sample(rng);
            base = origin.genome().clone();
            active = Genome.activeGenes(base);
            double[] mean = new double[active.length];
            for (int j = 0; j < active.length; j++) {
                mean[j] = base[active[j]];
            }
            cma = new CmaEs(mean, sigma0, batch, RandomStreams.key(seed, Purpose.PERTURBATION, offset, restarts));
            restarts++;
        }
        asked = cma.ask();
        double[][] g = new double[batch][];
        int[][] parents = new int[batch][];
        for (int i = 0; i < batch; i++) {
            double[] x = asked.candidate(i);
            double[] child = base.clone();
            for (int j = 0; j < active.length; j++) {
                child[active[j]] = x[j];
            }
            g[i] = Genome.canonical(child);
            parents[i] = Batch.of(origin);
        }
        return new Batch(g, parents);
    }

    @Override
    public void told(double[][] genomes, List<Archive.Insertion> insertions) {
        double[] rank = new double[insertions.size()];
        boolean added = false;
        for (int i = 0; i < rank.length; i++) {
            Archive.Insertion ins = insertions.get(i);
            rank[i] = switch (ins.status()) {
                case NEW -> 4 + ins.value();
                case IMPROVED -> 2 + ins.value();
                case NOT_ADDED -> Math.max(-1, ins.value());
            };
            added |= ins.status() != Archive.Status.NOT_ADDED;
        }
        cma.tell(rank);
        asked = null;
        if (!added || cma.sigma() < MIN_SIGMA) {
            cma = null;
        }
    }
}
