package io.morphospark.jobs.classifier;

import io.morphospark.datasets.BadInputException;
import io.morphospark.models.classifier.ClassifierNetworks;
import io.morphospark.models.classifier.DataSplit;

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
    public boolean symmetries = true;
    public double noise = 0.02;

    public ClassifierNetworks network() {
        return ClassifierNetworks.of(model);
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
        require(validationFraction > 0 && testFraction > 0 && validationFraction + testFraction < 1,
                "--validation and --test must be positive fractions that sum below 1, got " + validationFraction + " and "
                        + testFraction);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new BadInputException(message);
        }
    }
}
