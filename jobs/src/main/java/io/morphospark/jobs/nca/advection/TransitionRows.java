package io.morphospark.jobs.nca.advection;

import io.morphospark.models.nca.advection.TransitionTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The transition table as Parquet rows and as a console table, trained beside baseline. */
final class TransitionRows {
    private TransitionRows() {
    }

    static List<Row> rows(List<TransitionTable.Row> table) {
        List<Row> rows = new ArrayList<>();
        for (TransitionTable.Row r : table) {
            rows.add(RowFactory.create(r.policy(), r.source().name(), r.target().name(), r.steps(), r.massMse(), r.conservation()));
        }
        return rows;
    }

    /** Prints one line per pair; returns how many pairs the trained model does better than the baseline. */
    static int print(PrintStream out, List<TransitionTable.Row> trained, List<TransitionTable.Row> baseline) {
        out.printf("%-8s -> %-8s | %12s %12s | %14s %14s%n", "source", "target", "MSE trained", "MSE baseline",
                "cons. trained", "cons. baseline");
        int better = 0;
        for (int i = 0; i < trained.size(); i++) {
            TransitionTable.Row t = trained.get(i);
            TransitionTable.Row b = baseline.get(i);
            better += t.massMse() < b.massMse() ? 1 : 0;
            out.printf("%-8s -> %-8s | %12.6f %12.6f | %14.9f %14.9f%n", t.source(), t.target(), t.massMse(), b.massMse(),
                    t.conservation(), b.conservation());
        }
        out.printf("trained beats the baseline on %d of %d transitions%n", better, trained.size());
        return better;
    }
}
