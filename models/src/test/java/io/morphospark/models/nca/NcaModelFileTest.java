package io.morphospark.models.nca;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NcaModelFileTest {
    @TempDir
    Path dir;

    @Test
    void aModelReadsBackWithItsSeedCell() {
        NcaConfig config = new NcaConfig(5, 7, NcaConfig.SeedCell.ALPHA_HIDDEN);
        NcaParameters p = NcaFixtures.randomParameters(config, 3, DataType.FLOAT);
        NcaModelFile.write(dir, p, null);
        NcaParameters back = NcaModelFile.read(dir);
        assertEquals(config, back.config());
        for (String name : NcaParameters.NAMES) {
            assertArrayEquals(p.values(name), back.values(name), 0.0, name);
        }
    }

    @Test
    void modelsWrittenBeforeTheSeedCellWasRecordedGrowFromDistillsSeed() throws Exception {
        NcaModelFile.write(dir, NcaFixtures.randomParameters(new NcaConfig(5, 7), 3, DataType.FLOAT), null);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(dir.resolve(NcaModelFile.JSON).toFile());
        root.remove("seed_cell");
        json.writeValue(dir.resolve(NcaModelFile.JSON).toFile(), root);
        assertEquals(NcaConfig.SeedCell.ALPHA_HIDDEN, NcaModelFile.read(dir).config().seedCell());
    }
}
