package io.morphospark.datasets.run;

import java.nio.file.Path;

/** A second process for lock tests: takes a run's lock, says so, and holds it until killed. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        RunDirectory.create(Path.of(args[0]));
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
