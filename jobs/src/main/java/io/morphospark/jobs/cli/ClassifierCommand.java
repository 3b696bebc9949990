package io.morphospark.jobs.cli;

import io.morphospark.datasets.run.RunDirectory;
import io.morphospark.jobs.classifier.ClassifierEvaluateJob;
import io.morphospark.jobs.classifier.ClassifierPredictJob;
import io.morphospark.jobs.classifier.ClassifierSettings;
import io.morphospark.jobs.classifier.ClassifierTrainJob;
import io.morphospark.jobs.classifier.ClassifierTrials;
import io.morphospark.jobs.nca.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code morphospark classifier}: pattern classifiers (Deeplearning4j) trained from the Parquet datasets. */
@Command(name = "classifier", mixinStandardHelpOptions = true,
        description = "Train pattern classifiers (Deeplearning4j CNNs) on a generated dataset.",
        subcommands = {ClassifierCommand.Train.class, ClassifierCommand.Evaluate.class, ClassifierCommand.Predict.class})
final class ClassifierCommand implements Runnable {
    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand (train, evaluate or predict)");
    }

    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Train a classifier on a dataset, split so that held-out parameter regions test the pattern; "
                    + "checkpoints every epoch, and a killed run continues with --resume RUN_DIR, bit for bit.")
    static final class Train implements Callable<Integer> {
        /** Options that do not shape the training, so they may accompany --resume. */
        private static final List<String> NOT_CONFIGURATION = List.of("--out", "--resume", "--master");
        @picocli.CommandLine.Spec CommandSpec spec;
        @Option(names = "--dataset", paramLabel = "DIR", description = "Dataset directory written by 'generate'.") Path dataset;
        @Option(names = "--out", paramLabel = "DIR", description = "Run directory to create.") Path out;
        @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue an interrupted run from its last "
                + "checkpoint (the result equals an uninterrupted run's).") Path resume;
        @Option(names = "--model", defaultValue = "fcn", description = "fcn (fully convolutional, batch norm, global "
                + "average pooling, any grid side) or seed-cnn (the seed's network, frames resized to 50×50) "
                + "(default: ${DEFAULT-VALUE}).") String model;
        @Option(names = "--frames", defaultValue = "1", paramLabel = "K", description = "The last K frames of each "
                + "trajectory as input channels (1: the final frame, the seed's choice) (default: ${DEFAULT-VALUE}).") int frames;
        @Option(names = "--split", defaultValue = "parameters", description = "parameters (held-out regions of each label's "
                + "parameter space), seed or sample (default: ${DEFAULT-VALUE}).") String split;
        @Option(names = "--validation", defaultValue = "0.15", description = "Fraction held out for validation (early "
                + "stopping) (default: ${DEFAULT-VALUE}).") double validation;
        @Option(names = "--test", defaultValue = "0.15", description = "Fraction held out for the test "
                + "(default: ${DEFAULT-VALUE}).") double test;
        @Option(names = "--epochs", defaultValue = "30", description = "Most epochs (default: ${DEFAULT-VALUE}).") int epochs;
        @Option(names = "--patience", defaultValue = "5", description = "Stop after this many epochs without a better "
                + "validation accuracy (default: ${DEFAULT-VALUE}).") int patience;
        @Option(names = "--batch", defaultValue = "32", description = "Minibatch (default: ${DEFAULT-VALUE}).") int batch;
        @Option(names = "--lr", defaultValue = "1e-3", description = "Adam's learning rate (default: ${DEFAULT-VALUE}).") double lr;
        @Option(names = "--seed", defaultValue = "0", description = "Seed of weights, split, order, augmentation and dropout "
                + "(default: ${DEFAULT-VALUE}).") long seed;
        @Option(names = "--no-symmetries", negatable = false, description = "Do not augment with the 8 symmetries of the "
                + "square (default: augment).") boolean noSymmetries;
        @Option(names = "--noise", defaultValue = "0.02", description = "Standard deviation of the Gaussian observation "
                + "noise added to training inputs (normalised to [0, 1]) (default: ${DEFAULT-VALUE}).") double noise;
        @Option(names = "--split-seed", paramLabel = "SEED", description = "Seed of the train/validation/test split "
                + "(default: the --seed; the trials of --trials all share it).") Long splitSeed;
        @Option(names = "--trials", defaultValue = "1", paramLabel = "K", description = "Train K networks as parallel Spark "
                + "tasks (one whole training per task, seeds --seed, --seed+1, …) and keep the best by validation accuracy "
                + "as the run's model; every trial is recorded in the run's trials table (default: ${DEFAULT-VALUE}: one "
                + "training on the driver).") int trials;
        @Option(names = "--trial-models", split = ",", paramLabel = "MODEL", description = "Models the trials cycle "
                + "through (trial i gets the (i mod n)-th), e.g. fcn,seed-cnn (default: --model for all).")
        List<String> trialModels;
        @Option(names = "--trial-lr", split = ",", paramLabel = "LR", description = "Learning rates the trials cycle "
                + "through, e.g. 1e-3,3e-4 (default: --lr for all).") List<Double> trialLr;
        @Mixin SparkOptions spark;

        @Override
        public Integer call() {
            if ((out == null) == (resume == null)) {
                throw new ParameterException(spec.commandLine(), "give either --out (a new run) or --resume (an interrupted one)");
            }
            boolean configured = spec.commandLine().getParseResult().matchedOptions().stream()
                    .anyMatch(o -> !NOT_CONFIGURATION.contains(o.longestName()));
            ClassifierSettings s = resume != null && !configured
                    ? TrainingRun.settingsOf(resume, ClassifierTrainJob.JOB, ClassifierSettings.class) : settings();
            if (s.dataset == null) {
                throw new ParameterException(spec.commandLine(), "Missing required option: '--dataset=DIR'");
            }
            s.validate();
            if (resume != null) {
                TrainingRun.checkResumable(resume, ClassifierTrainJob.JOB, s);
                spark.withSession("morphospark-classifier", session -> s.trials > 1
                        ? new ClassifierTrials(session, s, System.out).resume(resume)
                        : new ClassifierTrainJob(session, s, System.out).resume(resume));
            } else {
                RunDirectory.requireAvailable(out);
                spark.withSession("morphospark-classifier", session -> s.trials > 1
                        ? new ClassifierTrials(session, s, System.out).run(out)
                        : new ClassifierTrainJob(session, s, System.out).run(out));
            }
            return ExitCodes.OK;
        }

        private ClassifierSettings settings() {
            ClassifierSettings s = new ClassifierSettings();
            s.dataset = dataset == null ? null : dataset.toAbsolutePath().normalize().toString();
            s.model = model;
            s.frames = frames;
            s.split = split;
            s.validationFraction = validation;
            s.testFraction = test;
            s.epochs = epochs;
            s.patience = patience;
            s.batch = batch;
            s.learningRate = lr;
            s.seed = seed;
            s.symmetries = !noSymmetries;
            s.noise = noise;
            s.splitSeed = splitSeed;
            s.trials = trials;
            s.trialModels = trialModels == null ? List.of() : List.copyOf(trialModels);
            s.trialLearningRates = trialLr == null ? List.of() : List.copyOf(trialLr);
            return s;
        }
    }

    /** What evaluate and predict share: a trained model, a dataset, a new output directory. */
    static final class ModelOnDataset {
        @Option(names = "--model", required = true, paramLabel = "RUN", description = "A finished 'classifier train' run "
                + "(or its model/ directory).") Path model;
        @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Dataset directory written by "
                + "'generate' (any grid side; the model's labels).") Path dataset;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory to create.") Path out;
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Score a trained classifier on every sample of a dataset: accuracy, per-class precision/recall/F1, "
                    + "confusion matrix (Parquet and PNG), gallery of misclassified samples.")
    static final class Evaluate implements Callable<Integer> {
        @Mixin ModelOnDataset args;
        @Option(names = "--split", paramLabel = "PART", description = "Score only the samples the training run assigned "
                + "to this part of its split: test, validation or train (--model must then be the run, and --dataset "
                + "its dataset). Default: every sample.") String split;
        @Mixin SparkOptions spark;

        @Override
        public Integer call() {
            ClassifierEvaluateJob.requireSplitName(split);
            RunDirectory.requireAvailableWithoutResume(args.out);
            spark.withSession("morphospark-classifier", s -> new ClassifierEvaluateJob(s, System.out)
                    .run(args.model, args.dataset, args.out, split));
            return ExitCodes.OK;
        }
    }

    @Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Classify every sample of a dataset as a Spark job (the model shipped once per executor, inference "
                    + "in batches per partition) into a predictions table (id, label, predicted, confidence, probabilities).")
    static final class Predict implements Callable<Integer> {
        @Mixin ModelOnDataset args;
        @Mixin SparkOptions spark;

        @Override
        public Integer call() {
            RunDirectory.requireAvailableWithoutResume(args.out);
            spark.withSession("morphospark-classifier", s -> new ClassifierPredictJob(s, System.out)
                    .run(args.model, args.dataset, args.out));
            return ExitCodes.OK;
        }
    }
}
