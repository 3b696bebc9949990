package io.morphospark.datasets.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version, filled in by Maven resource filtering, recorded in every run. */
public final class ProjectVersion {
    private ProjectVersion() {
    }

    public static String get() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream("/io/morphospark/datasets/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
