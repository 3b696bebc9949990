package io.morphospark.jobs.dataset;

import io.morphospark.datasets.dataset.FrameCodec;
import io.morphospark.datasets.sweep.SweepPlan;
import io.morphospark.models.patterns.Frame;
import io.morphospark.models.patterns.labels.LabelRegion;
import io.morphospark.models.patterns.labels.PatternGenerator;
import io.morphospark.models.patterns.labels.PatternSample;
import io.morphospark.models.patterns.metrics.PatternMetrics;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs on an executor: simulates one shard's samples into the rows of the samples and frames tables. */
final class ShardGenerator {
    private ShardGenerator() {
    }

    /** A shard's rows, and what the commit marker records about them. */
    record Output(int shard, List<Row> samples, List<Row> frames, long cellFrames, String frameKind, long millis)
            implements Serializable {
    }

    static Output generate(SweepPlan plan, SweepPlan.Shard shard) {
        long start = System.nanoTime();
        SweepPlan.LabelPlan label = plan.labels().get(shard.label());
        var spec = plan.spec();
        PatternGenerator generator = new PatternGenerator(spec.seed, spec.grid.minSide, spec.grid.maxSide,
                spec.augment.symmetry, spec.augment.maxNoise);
        List<Row> samples = new ArrayList<>(shard.count());
        List<Row> frames = new ArrayList<>();
        long cellFrames = 0;
        String kind = null;
        for (long index = shard.firstIndex(); index < shard.firstIndex() + shard.count(); index++) {
            long id = label.firstId() + index;
            Map<String, Double> values = label.values(spec.seed, index);
            List<Row> sampleFrames = new ArrayList<>();
            PatternSample s = generator.sample(LabelRegion.of(label.label(), label.family()), index, values, plan.schedule(),
                    (step, f) -> sampleFrames.add(frameRow(id, step, f)));
            frames.addAll(sampleFrames);
            cellFrames += (long) sampleFrames.size() * s.frame().cells();
            kind = kind(s.frame());
            samples.add(sampleRow(id, index, spec.seed, s, sampleFrames.size()));
        }
        return new Output(shard.index(), samples, frames, cellFrames, kind, (System.nanoTime() - start) / 1_000_000);
    }

    static String kind(Frame f) {
        Object[] c = FrameCodec.encode(f);
        return c[0] != null ? "bits" : c[1] != null ? "states" : "quantised";
    }

    private static Row sampleRow(long id, long index, long seed, PatternSample s, int frames) {
        PatternMetrics m = s.metrics();
        List<Object> row = new ArrayList<>(List.of(id, index, seed, scalaMap(s.values()), s.run().width(), s.run().height(),
                s.run().steps(), frames, s.attempt(), s.symmetry(), s.noise(), s.frame().states(),
                m.mass(), m.fateEntropy(), m.moransI(), m.interfaceLength(), m.wavelength(), m.spectralPeakShare(),
                m.anisotropy(), m.phaseSingularities()));
        row.addAll(Arrays.asList(FrameCodec.encode(s.frame())));
        return RowFactory.create(row.toArray());
    }

    /** Rows built on executors go through Spark's RowEncoder, which takes Scala maps only. */
    private static scala.collection.Map<String, Double> scalaMap(Map<String, Double> values) {
        return scala.jdk.javaapi.CollectionConverters.asScala(new TreeMap<>(values));
    }

    private static Row frameRow(long id, int step, Frame f) {
        List<Object> row = new ArrayList<>(List.of(id, step, f.width(), f.height()));
        row.addAll(Arrays.asList(FrameCodec.encode(f)));
        return RowFactory.create(row.toArray());
    }
}
