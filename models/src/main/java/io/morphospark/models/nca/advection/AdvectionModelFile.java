package io.morphospark.models.nca.advection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained advection NCA on disk: {@code advection-nca.json}, its configuration (architecture,
 * transport, fire rate, the arena and step count it was trained for) and weights in plain JSON,
 * with the semantics spelled out so that another runtime can load it; and
 * {@code advection-network.sdz}, SameDiff's FlatBuffers graph of the network's update proposal
 * ({@link AdvectionNetworkGraph}: inputs {@code state} [B, H, W, 16] and {@code goal} [B, H, W, 4],
 * output {@code deltas} [B, H, W, 13]). Fire mask, clamps and transport are plain Java, so only
 * the JSON describes them; it is also what this project loads.
 */
public final class AdvectionModelFile {
    public static final String JSON = "advection-nca.json";
    public static final String SAMEDIFF = "advection-network.sdz";
    public static final String FORMAT = "morphospark-advection-nca/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What a model file holds. */
    public record Model(AdvectionParameters parameters, TransportSettings transport, double fireRate, Arena arena, int steps) {
    }

    private AdvectionModelFile() {
    }

    /** Writes both files into {@code dir}; {@code extra} (training settings) goes into the JSON as is. */
    public static void write(Path dir, Model model, ObjectNode extra) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        Architecture a = model.parameters().architecture();
        root.put("hidden1", a.hidden1());
        root.put("hidden2", a.hidden2());
        root.put("fire_rate", model.fireRate());
        root.put("steps", model.steps());
        ObjectNode t = root.putObject("transport");
        t.put("dt", model.transport().dt());
        t.put("sub_steps", model.transport().subSteps());
        t.put("diffusion_rate", model.transport().diffusionRate());
        t.put("capacity", model.transport().capped() ? model.transport().capacity() : -1);
        t.put("velocity_noise", model.transport().velocityNoise());
        ObjectNode arena = root.putObject("arena");
        arena.put("height", model.arena().height());
        arena.put("width", model.arena().width());
        arena.put("mass", model.arena().mass());
        arena.put("density", model.arena().density());
        arena.put("max_rotation_degrees", model.arena().maxRotationDegrees());
        root.put("semantics", "state [H,W,16] row-major: 0-2 RGB, 3 mass, 4-5 velocity (x = column, y = row), 6-7 target "
                + "velocity, 8-15 hidden; goal [H,W,4]: target mass, target velocity (normalised central-difference gradient of "
                + "the target box-blurred 3x3 four times, edge padding), proximity (blurred / max). features = for each state "
                + "channel c: identity, sobel_x/8 ([[-1,0,1],[-2,0,2],[-1,0,1]]/8 cross-correlation), sobel_y/8 (its transpose), "
                + "zero padding, as features[3c+f]; then the 4 goal channels. out = relu(relu(features @ w1 + b1) @ w2 + b2) @ w3 "
                + "+ b3 (row-major [in, out]); out[0..12] are deltas of channels 0,1,2,4,5,8..15, applied where the fire mask "
                + "(probability fire_rate) is 1; RGB clamped to [0,1], velocity to [-1,1]; channels 6-7 := goal target velocity; "
                + "then mass is transported (see morphospark Transport: sub_steps upwind flux passes of dt, one diffusion pass, "
                + "source and capacity flux limiting; capacity -1 = none) by velocity + N(0, velocity_noise^2), clamped to [-1,1]. "
                + SAMEDIFF + " holds the network alone as a SameDiff graph (float32, weights w1..b3 as variables): "
                + "placeholders state [B,H,W,16] and goal [B,H,W,4], output deltas [B,H,W,13] = out per cell");
        double[] v = model.parameters().values();
        int offset = 0;
        for (int k = 0; k < AdvectionParameters.NAMES.size(); k++) {
            ArrayNode values = root.putArray(AdvectionParameters.NAMES.get(k));
            for (int i = 0; i < a.sizes()[k]; i++) {
                values.add(v[offset + i]);
            }
            offset += a.sizes()[k];
        }
        root.set("extra", extra == null ? MAPPER.createObjectNode() : extra);
        try {
            Files.createDirectories(dir);
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(JSON).toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model to " + dir, e);
        }
        AdvectionNetworkGraph.build(model.parameters()).save(dir.resolve(SAMEDIFF).toFile(), false);
    }

    /** Reads {@code advection-nca.json} of {@code dir}; IllegalArgumentException if it is missing or not a model. */
    public static Model read(Path dir) {
        Path file = dir.resolve(JSON);
        JsonNode root = io.morphospark.models.nca.ModelJson.read(file, FORMAT, "an advection NCA model");
        Architecture a = new Architecture(root.path("hidden1").asInt(), root.path("hidden2").asInt());
        double[] v = new double[a.parameterCount()];
        int offset = 0;
        for (int k = 0; k < AdvectionParameters.NAMES.size(); k++) {
            JsonNode arr = root.path(AdvectionParameters.NAMES.get(k));
            if (arr.size() != a.sizes()[k]) {
                throw new IllegalArgumentException(file + ": " + AdvectionParameters.NAMES.get(k) + " has " + arr.size()
                        + " values, expected " + a.sizes()[k]);
            }
            for (int i = 0; i < arr.size(); i++) {
                v[offset + i] = arr.get(i).asDouble();
            }
            offset += a.sizes()[k];
        }
        JsonNode t = root.path("transport");
        double capacity = t.path("capacity").asDouble();
        TransportSettings transport = new TransportSettings(t.path("dt").asDouble(), t.path("sub_steps").asInt(),
                t.path("diffusion_rate").asDouble(), capacity < 0 ? Double.POSITIVE_INFINITY : capacity,
                t.path("velocity_noise").asDouble());
        JsonNode ar = root.path("arena");
        Arena arena = new Arena(ar.path("height").asInt(), ar.path("width").asInt(), ar.path("mass").asDouble(),
                ar.path("density").asDouble(), ar.path("max_rotation_degrees").asDouble());
        return new Model(new AdvectionParameters(a, v), transport, root.path("fire_rate").asDouble(), arena,
                root.path("steps").asInt());
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
