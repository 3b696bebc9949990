package io.morphospark.models.nca;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SeedGrowthScoreTest {
    private static final Target DISC = Target.disc(12);

    @Test
    void anUntrainedCaLeavesTheSeedAsItIs() {
        NcaParameters untrained = NcaParameters.initial(NcaConfig.SEED, 3); // zero last layer: every delta is 0
        double seedMse = new RgbaLoss(DISC).perSample(Seeds.seed(NcaConfig.SEED, 1, 12, 12, DataType.FLOAT))[0];
        for (double fire : new double[] {0.5, 1.0}) {
            assertEquals(seedMse, SeedGrowthScore.meanMse(untrained, DISC, NcaEngine.Kind.FUSED, fire, 0, 30, 1), 1e-7);
        }
    }

    @Test
    void scoresTheStateAfterTheGivenSteps() {
        NcaParameters p = NcaFixtures.randomParameters(NcaConfig.SEED, 5, DataType.FLOAT);
        Growth growth = new Growth(p, NcaEngine.Kind.FUSED, 0.5, 7);
        var grown = growth.run(Seeds.seed(NcaConfig.SEED, 1, 12, 12, DataType.FLOAT), 0, 0, 6, 6, null);
        double expected = new RgbaLoss(DISC).perSample(grown)[0];
        assertEquals(expected, SeedGrowthScore.meanMse(p, DISC, NcaEngine.Kind.FUSED, 0.5, 7, 6, 1), 0.0);
        assertNotEquals(expected, SeedGrowthScore.meanMse(p, DISC, NcaEngine.Kind.FUSED, 0.5, 7, 1, 1));
    }

    @Test
    void theMeanScoreAveragesGrowthsThatDifferInTheirFireMasks() {
        NcaParameters p = NcaFixtures.randomParameters(NcaConfig.SEED, 5, DataType.FLOAT);
        Growth growth = new Growth(p, NcaEngine.Kind.FUSED, 0.5, 7);
        var grown = growth.run(Seeds.seed(NcaConfig.SEED, 3, 12, 12, DataType.FLOAT), 0, 0, 6, 6, null);
        double[] each = new RgbaLoss(DISC).perSample(grown);
        assertNotEquals(each[0], each[1]);
        assertEquals((each[0] + each[1] + each[2]) / 3, SeedGrowthScore.meanMse(p, DISC, NcaEngine.Kind.FUSED, 0.5, 7, 6, 3), 1e-12);
        assertEquals(SeedGrowthScore.meanMse(p, DISC, NcaEngine.Kind.FUSED, 1.0, 7, 6, 1),
                SeedGrowthScore.meanMse(p, DISC, NcaEngine.Kind.FUSED, 1.0, 7, 6, 3), 0.0);
        assertThrows(IllegalArgumentException.class, () -> SeedGrowthScore.meanMse(p, DISC, NcaEngine.Kind.FUSED, 0.5, 7, 6, 0));
    }
}
