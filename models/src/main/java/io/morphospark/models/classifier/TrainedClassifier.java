package io.morphospark.models.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A classifier's model directory ({@code classifier.json} + {@code classifier.zip}) opened once per
 * JVM and directory, for row-at-a-time use (the SQL function {@code classify_pattern}); batch
 * inference goes through {@code classifier predict}.
 */
public record TrainedClassifier(List<String> labels, int frames, int side, MultiLayerNetwork network) {
    public static final String JSON = "classifier.json";
    public static final String ZIP = "classifier.zip";
    private static final Map<Path, TrainedClassifier> OPEN = new ConcurrentHashMap<>();

    /** {@code path}: a training run or its model/ directory. */
    public static TrainedClassifier open(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path dir = Files.isRegularFile(abs.resolve(JSON)) ? abs : abs.resolve("model");
        return OPEN.computeIfAbsent(dir, d -> {
            if (!Files.isRegularFile(d.resolve(JSON)) || !Files.isRegularFile(d.resolve(ZIP))) {
                throw new IllegalArgumentException(abs + " holds no classifier (expected " + JSON + " and " + ZIP + ")");
            }
            try {
                JsonNode j = new ObjectMapper().readTree(d.resolve(JSON).toFile());
                List<String> labels = new ArrayList<>();
                j.path("labels").forEach(l -> labels.add(l.asText()));
                return new TrainedClassifier(List.copyOf(labels), j.path("frames").asInt(), j.path("side").asInt(),
                        ModelSerializer.restoreMultiLayerNetwork(d.resolve(ZIP).toFile(), false));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the classifier in " + d, e);
            }
        });
    }

    /** The label of one normalised final frame (a model trained on one frame). */
    public String classify(float[] normalised, int height, int width) {
        if (frames != 1) {
            throw new IllegalArgumentException("this classifier reads the last " + frames
                    + " frames; classify_pattern passes one (use 'classifier predict')");
        }
        float[] v = side > 0 ? InputTransform.resize(normalised, height, width, side) : normalised;
        int h = side > 0 ? side : height;
        int w = side > 0 ? side : width;
        INDArray in = Nd4j.create(v, new long[] {1, 1, h, w}, DataType.FLOAT);
        INDArray p;
        synchronized (network) {
            p = network.output(in, false);
        }
        return labels.get(p.argMax(1).getInt(0));
    }
}
