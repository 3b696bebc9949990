package io.morphospark.jobs.nca;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;

final class NcaJson {
    private NcaJson() {
    }

    static void write(Path file, ObjectNode node) {
        io.morphospark.jobs.plots.SummaryJson.write(file, node); // non-finite numbers become null
    }
}
