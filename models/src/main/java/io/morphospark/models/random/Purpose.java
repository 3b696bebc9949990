package io.morphospark.models.random;

/** What a random stream is used for; part of every stream key so that uses never share draws. */
public enum Purpose {
    INITIAL_POPULATION(1),
    MUTATION(2),
    SIMULATION(3),
    REPLAY(4),
    SELECTION(5),
    PERTURBATION(6);

    final long code;

    Purpose(long code) {
        this.code = code;
    }
}
