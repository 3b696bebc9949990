package io.morphospark.models.evaluation;

import io.morphospark.models.problem.Evaluation;

/** Fitness statistics of one evaluated generation; mean and std (population) over valid candidates. */
public record GenerationStats(int generation, int best, double bestFitness, double mean, double std, int invalid)
        implements java.io.Serializable {
    public static GenerationStats of(int generation, Evaluation[] evaluations) {
        int best = 0;
        int invalid = 0;
        double sum = 0;
        for (int i = 0; i < evaluations.length; i++) {
            Evaluation e = evaluations[i];
            if (e.invalid()) {
                invalid++;
            } else {
                sum += e.fitness();
            }
            if (e.fitness() > evaluations[best].fitness()) {
                best = i;
            }
        }
        int valid = evaluations.length - invalid;
        double mean = valid == 0 ? Double.NaN : sum / valid;
        double ss = 0;
        for (Evaluation e : evaluations) {
            if (!e.invalid()) {
                ss += (e.fitness() - mean) * (e.fitness() - mean);
            }
        }
        double std = valid == 0 ? Double.NaN : Math.sqrt(ss / valid);
        return new GenerationStats(generation, best, evaluations[best].fitness(), mean, std, invalid);
    }
}
