package io.morphospark.jobs.classifier;

import io.morphospark.datasets.BadInputException;
import io.morphospark.datasets.dataset.DatasetDirectory;
import io.morphospark.datasets.dataset.DatasetTables;
import io.morphospark.models.classifier.DataSplit;
import io.morphospark.models.classifier.PatternSample;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.catalyst.expressions.XXH64;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A dataset read by a Spark task itself, with parquet-hadoop and no session (a trial of
 * {@code classifier train --trials} or of a sweep runs whole inside one task, where a nested
 * Spark job could deadlock the slots). One pass over the shard files copies each sample's last
 * {@code k} stored frames, still encoded, into a spill file on the task's local disk; memory holds
 * only per-sample metadata and file offsets, never the frames. Every epoch then reads the frames
 * back in its seeded order, which is the order {@link ClassifierData} gets from Spark's sort
 * ({@code xxhash64(id, seed)}, then id), and decodes them with the same code: the same samples in
 * the same order as a driver-side run.
 */
final class LocalClassifierData implements TrainingSamples {
    /** Spark's seed for {@code xxhash64} over columns. */
    private static final long SPARK_HASH_SEED = 42L;
    private static final byte BITS = 0;
    private static final byte CODES = 1;
    private static final byte QUANTISED = 2;

    private record Meta(String label, int width, int height, int states, String split) {
    }

    private final DatasetDirectory dir;
    private final ClassifierData.Checked checked;
    private final Map<Long, String> split;
    private final Map<Long, Meta> meta;
    private final Map<Long, long[]> frameOffsets;
    private final int frames;
    private final Path spill;
    private final FileChannel channel;

    private LocalClassifierData(DatasetDirectory dir, ClassifierData.Checked checked, Map<Long, String> split,
                                Map<Long, Meta> meta, Map<Long, long[]> frameOffsets, int frames, Path spill) throws IOException {
        this.dir = dir;
        this.checked = checked;
        this.split = split;
        this.meta = meta;
        this.frameOffsets = frameOffsets;
        this.frames = frames;
        this.spill = spill;
        this.channel = FileChannel.open(spill, StandardOpenOption.READ, StandardOpenOption.DELETE_ON_CLOSE);
    }

    /** As {@link ClassifierData#open} with a split (same checks, same split), read by this JVM alone. */
    static LocalClassifierData open(Path dataset, int frames, DataSplit.Mode splitMode, double validation, double test,
                                    long seed) {
        DatasetDirectory dir = DatasetDirectory.open(dataset);
        dir.requireIntact();
        Path spill = null;
        try {
            spill = Files.createTempFile("morphospark-classifier-", ".frames");
            spill.toFile().deleteOnExit();
            List<ClassifierData.SampleKey> keys = new ArrayList<>();
            Map<Long, Meta> partial = new HashMap<>();
            Map<Long, TreeMap<Integer, Long>> stacks = new HashMap<>();
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spill)))) {
                for (Path file : shards(dir.table(DatasetTables.SAMPLES))) {
                    String label = partitionValue(file, "label");
                    forEachRecord(file, g -> {
                        long id = g.getLong("id", 0);
                        Map<String, Double> params = new HashMap<>();
                        Group map = g.getGroup("params", 0);
                        for (int i = 0; i < map.getFieldRepetitionCount(0); i++) {
                            Group kv = map.getGroup(0, i);
                            params.put(kv.getString(0, 0), kv.getDouble(1, 0));
                        }
                        int w = g.getInteger("width", 0);
                        int h = g.getInteger("height", 0);
                        keys.add(new ClassifierData.SampleKey(id, label, g.getLong("seed", 0), params, w, h,
                                g.getInteger("frames", 0)));
                        partial.put(id, new Meta(label, w, h, g.getInteger("states", 0), null));
                        if (frames == 1) {
                            stacks.put(id, new TreeMap<>(Map.of(g.getInteger("steps", 0), write(out, g, "final_"))));
                        }
                    });
                }
                ClassifierData.Checked checked = ClassifierData.check(dir, keys, frames, true);
                if (frames > 1) {
                    for (Path file : shards(dir.table(DatasetTables.FRAMES))) {
                        forEachRecord(file, g -> {
                            TreeMap<Integer, Long> stack = stacks.computeIfAbsent(g.getLong("id", 0), id -> new TreeMap<>());
                            stack.put(g.getInteger("step", 0), write(out, g, ""));
                            if (stack.size() > frames) {
                                stack.pollFirstEntry(); // only the last k frames are read; the earlier stay unused in the file
                            }
                        });
                    }
                }
                Map<Long, String> split = DataSplit.assign(checked.keys(), splitMode, validation, test, seed);
                Map<Long, Meta> meta = new HashMap<>();
                Map<Long, long[]> offsets = new HashMap<>();
                for (var e : partial.entrySet()) {
                    TreeMap<Integer, Long> stack = stacks.get(e.getKey());
                    if (stack == null) {
                        throw new BadInputException("dataset " + dir.root() + " stores no frames for sample " + e.getKey());
                    }
                    Meta m = e.getValue();
                    meta.put(e.getKey(), new Meta(m.label(), m.width(), m.height(), m.states(), split.get(e.getKey())));
                    offsets.put(e.getKey(), stack.values().stream().mapToLong(Long::longValue).toArray());
                }
                out.flush();
                return new LocalClassifierData(dir, checked, split, meta, offsets, frames, spill);
            }
        } catch (IOException e) {
            deleteQuietly(spill);
            throw new UncheckedIOException("cannot read dataset " + dir.root(), e);
        } catch (RuntimeException e) {
            deleteQuietly(spill);
            throw e;
        }
    }

    /** The frame columns {@code prefix}bits/states/quantised of a record, appended to the spill file; returns its offset. */
    private static long write(DataOutputStream out, Group g, String prefix) {
        try {
            long offset = out.size();
            if (offset == Integer.MAX_VALUE) { // DataOutputStream counts in an int, and stops there
                throw new IllegalStateException("the classifier's spill file passed 2 GiB; train on the driver (no --trials)");
            }
            String[] columns = {prefix + "bits", prefix + "states", prefix + "quantised"};
            for (byte kind = 0; kind < 3; kind++) {
                if (g.getFieldRepetitionCount(columns[kind]) == 0) {
                    continue;
                }
                Group list = g.getGroup(columns[kind], 0);
                int n = list.getFieldRepetitionCount(0);
                out.writeByte(kind);
                out.writeInt(n);
                for (int i = 0; i < n; i++) {
                    Group element = list.getGroup(0, i);
                    switch (kind) {
                        case BITS -> out.writeByte(element.getBoolean(0, 0) ? 1 : 0);
                        case CODES -> out.writeByte(element.getInteger(0, 0));
                        default -> out.writeShort(element.getInteger(0, 0));
                    }
                }
                return offset;
            }
            throw new BadInputException("a frame record holds none of " + String.join(", ", columns));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the classifier's spill file", e);
        }
    }

    private float[] readFrame(long offset, int states) {
        try {
            ByteBuffer header = ByteBuffer.allocate(5);
            readFully(header, offset);
            byte kind = header.get(0);
            int n = header.getInt(1);
            ByteBuffer body = ByteBuffer.allocate(kind == QUANTISED ? 2 * n : n);
            readFully(body, offset + 5);
            if (kind == QUANTISED) {
                short[] q = new short[n];
                body.asShortBuffer().get(q);
                return FrameColumns.normalised(null, null, q, states);
            }
            byte[] bytes = body.array();
            if (kind == CODES) {
                return FrameColumns.normalised(null, bytes, null, states);
            }
            boolean[] bits = new boolean[n];
            for (int i = 0; i < n; i++) {
                bits[i] = bytes[i] != 0;
            }
            return FrameColumns.normalised(bits, null, null, states);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classifier's spill file " + spill, e);
        }
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of " + spill);
            }
        }
    }

    @Override
    public Iterator<PatternSample> stream(String splitName, Long orderSeed, int side, List<String> labelOrder) {
        List<Long> ids = new ArrayList<>();
        meta.forEach((id, m) -> {
            if (splitName == null || splitName.equals(m.split())) {
                ids.add(id);
            }
        });
        if (orderSeed == null) {
            ids.sort(Comparator.<Long>comparingInt(id -> meta.get(id).height()).thenComparingInt(id -> meta.get(id).width())
                    .thenComparingLong(id -> id));
        } else {
            long s = orderSeed;
            ids.sort(Comparator.<Long>comparingLong(id -> XXH64.hashLong(s, XXH64.hashLong(id, SPARK_HASH_SEED)))
                    .thenComparingLong(id -> id));
        }
        Iterator<Long> it = ids.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public PatternSample next() {
                if (!it.hasNext()) {
                    throw new NoSuchElementException();
                }
                long id = it.next();
                Meta m = meta.get(id);
                List<float[]> stack = new ArrayList<>();
                for (long offset : frameOffsets.get(id)) {
                    stack.add(readFrame(offset, m.states()));
                }
                return ClassifierData.decode(id, labelOrder.indexOf(m.label()), m.width(), m.height(), stack, frames, side);
            }
        };
    }

    private static List<Path> shards(Path table) throws IOException {
        try (Stream<Path> files = Files.walk(table)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }

    /** The value of a hive partition directory {@code name=value} above {@code file}. */
    private static String partitionValue(Path file, String name) {
        for (Path p = file.getParent(); p != null; p = p.getParent()) {
            String dirName = p.getFileName() == null ? "" : p.getFileName().toString();
            if (dirName.startsWith(name + "=")) {
                return ExternalCatalogUtils.unescapePathName(dirName.substring(name.length() + 1));
            }
        }
        throw new BadInputException(file + " lies in no " + name + "=… directory; it is not a dataset shard");
    }

    private interface RecordAction {
        void accept(Group record) throws IOException;
    }

    private static void forEachRecord(Path file, RecordAction action) throws IOException {
        try (ParquetReader<Group> reader = new ParquetReader.Builder<Group>(new LocalInputFile(file)) {
            @Override
            protected ReadSupport<Group> getReadSupport() {
                return new GroupReadSupport();
            }
        }.withConf(new Configuration(false)).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                action.accept(g);
            }
        } catch (RuntimeException e) {
            throw new BadInputException("dataset shard " + file + " cannot be read (damaged?): "
                    + String.valueOf(e.getMessage()).split("\n")[0], e);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file; deleteOnExit is the fallback
            }
        }
    }

    @Override
    public DatasetDirectory directory() {
        return dir;
    }

    @Override
    public List<String> labels() {
        return checked.labels();
    }

    @Override
    public int minSide() {
        return checked.minSide();
    }

    @Override
    public int maxSide() {
        return checked.maxSide();
    }

    @Override
    public int[] splitCounts() {
        return ClassifierData.countSplits(split);
    }

    @Override
    public Map<Long, String> split() {
        return split;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file is deleted on close or, failing that, on exit
        }
    }
}
