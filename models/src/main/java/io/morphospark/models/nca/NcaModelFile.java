package io.morphospark.models.nca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained CA on disk, twice: {@code nca.json}, the configuration and weights in plain JSON with
 * the exact semantics spelled out (what this project loads, and what another runtime can), and
 * {@code nca.sdz}, SameDiff's own FlatBuffers graph of one step (inputs {@code state} [B, H, W, C]
 * and {@code fire} [B, H, W, 1], output {@code next}).
 */
public final class NcaModelFile {
    public static final String JSON = "nca.json";
    public static final String SAMEDIFF = "nca.sdz";
    public static final String FORMAT = "morphospark-nca/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NcaModelFile() {
    }

    /** Writes both files into {@code dir}; {@code extra} (training settings, target) goes into the JSON as is. */
    public static void write(Path dir, NcaParameters p, ObjectNode extra) {
        NcaConfig c = p.config();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("channels", c.channels());
        root.put("hidden", c.hidden());
        root.put("features", c.features());
        root.put("alive_threshold", NcaConfig.ALIVE_THRESHOLD);
        root.put("seed_cell", c.seedCell().label());
        root.put("semantics", "state NHWC [B,H,W,C], channels 0-3 RGBA, 3 = alpha; features[3c+f] = f-th 3x3 "
                + "cross-correlation (identity, sobel_x/8 = [[-1,0,1],[-2,0,2],[-1,0,1]]/8, sobel_y = its transpose) of "
                + "channel c, zero padding; delta = relu(features @ w1 + b1) @ w2 + b2 (w1 [features, hidden], "
                + "w2 [hidden, channels], row-major); x' = x + delta * fire; alive = maxpool3x3(alpha) > threshold "
                + "before and after; next = x' * (alive_before & alive_after); growth starts from one live cell at "
                + "[H/2, W/2] with alpha = 1 (seed_cell alpha) or alpha and hidden channels = 1 (alpha-hidden)");
        for (String name : NcaParameters.NAMES) {
            ArrayNode values = root.putArray(name);
            for (double v : p.values(name)) {
                values.add((float) v);
            }
        }
        root.set("extra", extra == null ? MAPPER.createObjectNode() : extra);
        try {
            Files.createDirectories(dir);
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(JSON).toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model to " + dir, e);
        }
        NcaStep.build(p.castTo(DataType.FLOAT), MlpForm.MATMUL).save(dir.resolve(SAMEDIFF).toFile());
    }

    /** Reads {@code nca.json} of {@code dir}; IllegalArgumentException if it is missing or not a model. */
    public static NcaParameters read(Path dir) {
        Path file = dir.resolve(JSON);
        JsonNode root = ModelJson.read(file, FORMAT, "an NCA model");
        NcaConfig c = new NcaConfig(root.path("channels").asInt(), root.path("hidden").asInt(),
                NcaConfig.SeedCell.parse(root.path("seed_cell").asText("alpha-hidden") /* files from before the option */));
        double[][] v = new double[NcaParameters.NAMES.size()][];
        for (int i = 0; i < v.length; i++) {
            JsonNode arr = root.path(NcaParameters.NAMES.get(i));
            v[i] = new double[arr.size()];
            for (int k = 0; k < arr.size(); k++) {
                v[i][k] = arr.get(k).asDouble();
            }
        }
        return NcaParameters.of(c, v[0], v[1], v[2], v[3], DataType.FLOAT);
    }

    /** The {@code extra} object written with the model. */
    public static JsonNode extra(Path dir) {
        try {
            return MAPPER.readTree(dir.resolve(JSON).toFile()).path("extra");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
