package io.morphospark.jobs.classifier;

import io.morphospark.datasets.BadInputException;
import io.morphospark.models.classifier.ClassifierNetworks;
import io.morphospark.models.classifier.DataSplit;

import java.util.List;

/** The configuration of a {@code classifier train} run, recorded in its run.json (and compared on --resume). */
public final class ClassifierSettings {
    public String dataset;
    public String model = "fcn";
    public int frames = 1;
    public String split = "parameters";
    public double validationFraction = 0.15;
    public double testFraction = 0.15;
    public int epochs = 30;
    public int patience = 5;
    public int batch = 32;
    public double learningRate = 1e-3;
    public long seed = 0;
    /** Seed of the train/validation/test split; null: {@link #seed}. The trials of --trials share one split. */
    public Long splitSeed;
    public boolean symmetries = true;
    public double noise = 0.02;
    /** {@code --trials}: how many trainings to run as parallel Spark tasks (1: one training on the driver). */
    public int trials = 1;
    /** Models the trials cycle through (trial i: {@code trialModels[i mod n]}); empty: {@link #model} for all. */
    public List<String> trialModels = List.of();
    /** Learning rates the trials cycle through; empty: {@link #learningRate} for all. */
    public List<Double> trialLearningRates = List.of();

    public ClassifierNetworks network() {
        return ClassifierNetworks.of(model);
    }

    public long splitSeed() {
        return splitSeed == null ? seed : splitSeed;
    }

    public DataSplit.Mode splitMode() {
        return DataSplit.Mode.of(split);
    }

    public void validate() {
        try {
            network();
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--model: " + e.getMessage());
        }
        try {
            splitMode();
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--split must be parameters, seed or sample, got '" + split + "'");
        }
        require(frames >= 1, "--frames must be at least 1, got " + frames);
        require(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        require(patience >= 1, "--patience must be at least 1, got " + patience);
        require(batch >= 1, "--batch must be at least 1, got " + batch);
        require(learningRate > 0 && Double.isFinite(learningRate), "--lr must be positive, got " + learningRate);
        require(noise >= 0 && Double.isFinite(noise), "--noise must be at least 0, got " + noise);
        require(trials >= 1, "--trials must be at least 1, got " + trials);
        require(trials > 1 || (trialModels.isEmpty() && trialLearningRates.isEmpty()),
                "--trial-models and --trial-lr vary the trials of --trials K; give K of at least 2");
        for (String m : trialModels) {
            try {
                ClassifierNetworks.of(m);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--trial-models: " + e.getMessage());
            }
        }
        for (double lr : trialLearningRates) {
            require(lr > 0 && Double.isFinite(lr), "--trial-lr values must be positive, got " + lr);
        }
        require(validationFraction > 0 && testFraction > 0 && validationFraction + testFraction < 1,
                "--validation and --test must be positive fractions that sum below 1, got " + validationFraction + " and "
                        + testFraction);
    }

    /**
     * The settings of trial {@code i} of {@code --trials}: seed {@code seed + i}, and the i-th model
     * and learning rate of the trial lists (cycled) when they are given; one training each.
     */
    public ClassifierSettings trial(int i) {
        ClassifierSettings t = new ClassifierSettings();
        t.dataset = dataset;
        t.model = trialModels.isEmpty() ? model : trialModels.get(i % trialModels.size());
        t.frames = frames;
        t.split = split;
        t.validationFraction = validationFraction;
        t.testFraction = testFraction;
        t.epochs = epochs;
        t.patience = patience;
        t.batch = batch;
        t.learningRate = trialLearningRates.isEmpty() ? learningRate : trialLearningRates.get(i % trialLearningRates.size());
        t.seed = seed + i;
        t.splitSeed = splitSeed();
        t.symmetries = symmetries;
        t.noise = noise;
        return t;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new BadInputException(message);
        }
    }
}
