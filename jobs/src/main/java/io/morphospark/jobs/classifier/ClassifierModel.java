package io.morphospark.jobs.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.morphospark.datasets.BadInputException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A trained classifier as {@code classifier train} wrote it ({@code RUN/model/}): the DL4J zip and
 * what its input is (labels, frames as channels, side). Serializable as the zip's bytes, so Spark
 * ships it once (a broadcast) and each executor JVM restores the network once ({@link #network()}).
 */
public final class ClassifierModel implements Serializable {
    private static final Map<String, MultiLayerNetwork> RESTORED = new ConcurrentHashMap<>();

    private final byte[] zip;
    private final String key;
    private final List<String> labels;
    private final int frames;
    private final int side;

    private ClassifierModel(byte[] zip, List<String> labels, int frames, int side) {
        this.zip = zip;
        this.key = Integer.toHexString(java.util.Arrays.hashCode(zip)) + ":" + zip.length;
        this.labels = List.copyOf(labels);
        this.frames = frames;
        this.side = side;
    }

    /** Reads {@code run}/model/ (or a model directory itself); one line naming what is missing otherwise. */
    public static ClassifierModel load(Path run) {
        Path dir = Files.isRegularFile(run.resolve(ClassifierTrainJob.MODEL_JSON)) ? run : run.resolve(ClassifierTrainJob.MODEL_DIR);
        Path json = dir.resolve(ClassifierTrainJob.MODEL_JSON);
        Path zip = dir.resolve(ClassifierTrainJob.MODEL_ZIP);
        if (!Files.isRegularFile(json) || !Files.isRegularFile(zip)) {
            throw new BadInputException(run.toAbsolutePath().normalize() + " holds no classifier (expected "
                    + ClassifierTrainJob.MODEL_DIR + "/" + ClassifierTrainJob.MODEL_JSON + " and " + ClassifierTrainJob.MODEL_ZIP + ")");
        }
        try {
            JsonNode j = new ObjectMapper().readTree(json.toFile());
            List<String> labels = new ArrayList<>();
            j.path("labels").forEach(l -> labels.add(l.asText()));
            if (labels.size() < 2 || j.path("frames").asInt(0) < 1) {
                throw new BadInputException(json + " is damaged: it names no labels or frames");
            }
            ClassifierModel m = new ClassifierModel(Files.readAllBytes(zip), labels, j.path("frames").asInt(), j.path("side").asInt());
            m.network(); // a damaged zip fails here, before any output
            return m;
        } catch (IOException e) {
            throw new BadInputException(json + " cannot be read: " + e.getMessage(), e);
        }
    }

    public List<String> labels() {
        return labels;
    }

    public int frames() {
        return frames;
    }

    /** The side frames are resized to; 0: as stored (a fully convolutional network). */
    public int side() {
        return side;
    }

    /** The network, restored once per JVM (and shared by its tasks: callers synchronise on it). */
    public MultiLayerNetwork network() {
        return RESTORED.computeIfAbsent(key, k -> {
            try {
                return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip), false);
            } catch (IOException e) {
                throw new BadInputException("the classifier's DL4J zip cannot be read: " + e.getMessage(), e);
            }
        });
    }

    /** Refuses a dataset whose labels the model does not know. */
    public void requireLabels(List<String> datasetLabels, Path dataset) {
        List<String> unknown = datasetLabels.stream().filter(l -> !labels.contains(l)).toList();
        if (!unknown.isEmpty()) {
            throw new BadInputException("dataset " + dataset.toAbsolutePath().normalize() + " has labels the model was not "
                    + "trained on: " + unknown + " (model labels: " + labels + ")");
        }
    }
}
