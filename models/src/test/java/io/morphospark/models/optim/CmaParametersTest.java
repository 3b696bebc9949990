package io.morphospark.models.optim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The constants of Hansen's tutorial (2016, table 1) that the active update and the eigen schedule use. */
class CmaParametersTest {
    @Test
    void negativeWeightsFollowTheTutorial() {
        for (int[] nl : new int[][] {{10, 10}, {10, 11}, {2, 6}, {100, 17}, {1000, 24}}) {
            int n = nl[0];
            int lambda = nl[1];
            CmaParameters p = new CmaParameters(n, lambda, false);
            assertEquals(lambda - p.mu, p.negativeWeights.length);
            double rawSum = 0;
            double rawSumSq = 0;
            for (int i = p.mu; i < lambda; i++) {
                double raw = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
                rawSum += raw;
                rawSumSq += raw * raw;
            }
            double muEffMinus = rawSum * rawSum / rawSumSq;
            double expected = Math.min(1 + p.c1 / p.cMu,
                    Math.min(1 + 2 * muEffMinus / (p.muEff + 2), (1 - p.c1 - p.cMu) / (n * p.cMu)));
            double sum = 0;
            for (int i = 0; i < p.negativeWeights.length; i++) {
                assertTrue(p.negativeWeights[i] <= 0, "weight of rank " + (p.mu + i));
                if (i > 0) {
                    assertTrue(p.negativeWeights[i] <= p.negativeWeights[i - 1], "worse ranks weigh more");
                }
                sum += p.negativeWeights[i];
            }
            assertEquals(-expected, sum, 1e-12, "n=" + n + " lambda=" + lambda);
            assertEquals(1 - expected, p.covarianceWeightSum(), 1e-12);
        }
    }

    @Test
    void eigenbasisIsRefreshedEveryGenerationAtTenDimensions() {
        // the tutorial's interval λ/((c₁+c_μ)·n·10) is in evaluations: below one generation at n = 10
        CmaEs es = new CmaEs(new double[10], 0.3, 10, 1);
        assertTrue(es.eigenInterval() < 1, "interval " + es.eigenInterval());
        CmaEs large = new CmaEs(new double[200], 0.3, CmaParameters.defaultPopulation(200), 1);
        assertTrue(large.eigenInterval() > 1, "interval " + large.eigenInterval());
    }
}
