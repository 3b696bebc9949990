package io.morphospark.jobs.discover;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.morphospark.datasets.BadInputException;
import io.morphospark.jobs.es.RunResumption;
import io.morphospark.models.agents.metrics.TypeRaster;
import io.morphospark.models.agents.scenarios.Scenario;
import io.morphospark.models.agents.scenarios.ScenarioSettings;
import io.morphospark.models.agents.world.WorldSettings;
import io.morphospark.models.discovery.BehaviourSpace;
import io.morphospark.models.discovery.CellLayout;
import io.morphospark.models.discovery.CmaEmitter;
import io.morphospark.models.discovery.CvtLayout;
import io.morphospark.models.discovery.DiscoveryProblem;
import io.morphospark.models.discovery.DiscoveryRun;
import io.morphospark.models.discovery.DiscoverySearch;
import io.morphospark.models.discovery.Emitter;
import io.morphospark.models.discovery.ExhaustiveSearch;
import io.morphospark.models.discovery.GaussianEmitter;
import io.morphospark.models.discovery.GridLayout;
import io.morphospark.models.discovery.MapElites;
import io.morphospark.models.discovery.TripleGa;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What {@code discover} does, as recorded in its run.json (plain fields, written by Jackson in
 * snake case). The defaults are the seed's: population 50, 20 elites, mutation probability 0.3,
 * every scenario, 400 agents for 300 steps, 5 replicates.
 */
public final class DiscoverSettings implements Serializable {
    public static final List<String> SEARCHES = List.of("exhaustive", "ga", "map-elites");
    public static final List<String> ARCHIVES = List.of("grid", "cvt");
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public String search = "map-elites";
    /** Seed of the search's own draws (initial genomes, selection, mutation, CMA-ES samples). */
    public long seed = 0;
    /**
     * Seed of the replicate worlds every candidate is evaluated in (common random numbers). Kept
     * apart from {@link #seed} so runs with different search seeds, and the exhaustive table, score
     * algorithms on the same worlds and their numbers compare directly.
     */
    public long evaluationSeed = 0;
    public int generations = 20;
    /** GA population; MAP-Elites' random initial population; exhaustive: triples per generation. */
    public int population = 50;
    public int elites = 20;
    /** Generation 0 of ga and map-elites: random genomes, or the 125 triples at default parameters. */
    public String initial = "random";
    public double mutationRate = 0.3;
    /** Gaussian step of a parameter gene, in units of the parameter's range. */
    public double sigma = 0.1;
    public double ruleMutation = 0.1;
    public int gaussianBatch = 16;
    public int crossoverBatch = 16;
    public int cmaBatch = 18;
    public double cmaSigma = 0.15;
    public List<String> scenarios = new ArrayList<>(List.of("sorting", "pattern_formation", "collective_movement"));
    public int replicates = 5;
    public int agents = 400;
    public double density = 2.0;
    public int steps = 300;
    public List<String> descriptors = new ArrayList<>(List.of("sorting", "collective_movement"));
    public String archive = "grid";
    public List<Integer> bins = new ArrayList<>(List.of(10, 10));
    public int cvtCells = 100;
    /** Replicates per Spark work item; 0: one item per (candidate × scenario). */
    public int replicateBlock = 0;
    public int partitions = 0;
    public int filmTop = 3;

    /** The configuration recorded in a run's run.json. */
    public static DiscoverSettings ofRun(Path run) {
        JsonNode config = RunResumption.recordedConfig(run);
        try {
            return JSON.treeToValue(config, DiscoverSettings.class);
        } catch (Exception e) {
            throw new BadInputException(run + " is not a discover run: its run.json cannot be read as one ("
                    + String.valueOf(e.getMessage()).split("\n")[0] + ")");
        }
    }

    /** "field: recorded → given" for every field but {@code generations} that differs. */
    public List<String> differencesFrom(DiscoverSettings recorded) {
        JsonNode a = JSON.valueToTree(recorded);
        JsonNode b = JSON.valueToTree(this);
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("generations") && !a.path(f).equals(b.path(f))) {
                out.add(f + ": " + a.path(f) + " → " + b.path(f));
            }
        }
        return out;
    }

    /** Every check, before a session or a directory exists; the message names the bad value. */
    public void validate() {
        try {
            DiscoveryProblem problem = problem();
            BehaviourSpace.of(problem, descriptors);
            layout();
            search(problem);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        if (generations < 1) {
            throw new BadInputException("generations must be at least 1, got " + generations);
        }
        if (partitions < 0) {
            throw new BadInputException("partitions must be at least 0, got " + partitions);
        }
        if (replicateBlock < 0) {
            throw new BadInputException("replicate block must be at least 0, got " + replicateBlock);
        }
        if (filmTop < 0) {
            throw new BadInputException("film-top must be at least 0, got " + filmTop);
        }
    }

    public List<Scenario> scenarioList() {
        List<Scenario> list = new ArrayList<>();
        for (String s : scenarios) {
            list.add(Scenario.parse(s));
        }
        return list;
    }

    public DiscoveryProblem problem() {
        if (agents < 2) {
            throw new IllegalArgumentException("agents must be at least 2, got " + agents);
        }
        if (!(density > 0) || Double.isInfinite(density)) {
            throw new IllegalArgumentException("density must be a positive number, got " + density);
        }
        Map<Scenario, ScenarioSettings> settings = new EnumMap<>(Scenario.class);
        List<Scenario> list = scenarioList();
        for (Scenario s : list) {
            settings.put(s, new ScenarioSettings(WorldSettings.ofDensity(agents, density, true), steps,
                    TypeRaster.defaultPixels(agents)));
        }
        return new DiscoveryProblem(list, settings, replicates);
    }

    /** The layout once computed (a CVT costs a k-means); not part of the recorded configuration. */
    private transient CellLayout layout;
    private transient String layoutKey;

    public CellLayout layout() {
        String key = archive + "/" + bins + "/" + cvtCells + "/" + seed;
        if (layout == null || !key.equals(layoutKey)) {
            layout = buildLayout();
            layoutKey = key;
        }
        return layout;
    }

    private CellLayout buildLayout() {
        if (!ARCHIVES.contains(archive)) {
            throw new IllegalArgumentException("unknown archive '" + archive + "' (known: grid, cvt)");
        }
        if (archive.equals("cvt")) {
            return CvtLayout.of(cvtCells, 2, seed);
        }
        if (bins.size() != 2) {
            throw new IllegalArgumentException("an archive grid needs 2 bin counts (one per descriptor), got " + bins);
        }
        return new GridLayout(bins.stream().mapToInt(Integer::intValue).toArray());
    }

    public DiscoverySearch search(DiscoveryProblem problem) {
        return switch (search) {
            case "exhaustive" -> new ExhaustiveSearch(population);
            case "ga" -> new TripleGa(problem, population, elites, mutationRate, sigma, seed, seedTriples());
            case "map-elites" -> {
                List<Emitter> emitters = new ArrayList<>();
                if (gaussianBatch > 0) {
                    emitters.add(new GaussianEmitter(gaussianBatch, sigma, ruleMutation, false));
                }
                if (crossoverBatch > 0) {
                    emitters.add(new GaussianEmitter(crossoverBatch, sigma, ruleMutation, true));
                }
                if (cmaBatch > 0) {
                    emitters.add(new CmaEmitter(cmaBatch, cmaSigma));
                }
                if (gaussianBatch < 0 || crossoverBatch < 0 || cmaBatch < 0) {
                    throw new IllegalArgumentException("emitter batches must be at least 0, got gaussian " + gaussianBatch
                            + ", crossover " + crossoverBatch + ", cma " + cmaBatch);
                }
                if (emitters.isEmpty()) {
                    throw new IllegalArgumentException("map-elites needs at least one emitter with a batch above 0");
                }
                yield new MapElites(problem, BehaviourSpace.of(problem, descriptors), layout(), emitters, population, seed, seedTriples());
            }
            default -> throw new IllegalArgumentException("unknown search '" + search + "' (known: "
                    + String.join(", ", SEARCHES) + ")");
        };
    }

    private boolean seedTriples() {
        if (!List.of("random", "triples").contains(initial)) {
            throw new IllegalArgumentException("unknown initial population '" + initial + "' (known: random, triples)");
        }
        return initial.equals("triples");
    }

    /** A fresh run: the search and the archive its evaluations are measured in. */
    public DiscoveryRun newRun(DiscoveryProblem problem) {
        DiscoverySearch s = search(problem);
        return new DiscoveryRun(s, BehaviourSpace.of(problem, descriptors), layout());
    }

    public int blockSize() {
        return replicateBlock > 0 ? replicateBlock : replicates;
    }
}
