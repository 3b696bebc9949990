package io.morphospark.jobs.gpu;

import io.morphospark.jobs.gpu.ExplainReport.Node;
import io.morphospark.jobs.gpu.ExplainReport.Placement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report writer on explain output captured from RAPIDS 26.08.1 (explain-only, Spark 4.0.4) for two note queries. */
class ExplainReportTest {
    private static String captured(String name) throws IOException {
        try (InputStream in = ExplainReportTest.class.getResourceAsStream("/gpu/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long count(List<Node> nodes, boolean operator, Placement placement) {
        return nodes.stream().filter(n -> n.operator() == operator && n.placement() == placement).count();
    }

    @Test
    void rowUdfsAreCpuBridgedInsideOperatorsThatRunOnTheGpu() throws IOException {
        List<Node> nodes = ExplainReport.parse(captured("explain-pattern-over-time.txt"));

        assertEquals(13, nodes.size());
        assertEquals(4, count(nodes, true, Placement.GPU));
        assertEquals(7, count(nodes, false, Placement.GPU));
        List<Node> bridged = nodes.stream().filter(n -> n.placement() == Placement.CPU_BRIDGE).toList();
        assertEquals(List.of("ScalaUDF", "ScalaUDF"), bridged.stream().map(Node::name).toList());
        assertEquals("state_pattern(states)", bridged.get(0).detail());
        assertTrue(bridged.get(0).reason().startsWith("neither state_pattern implemented by class "
                + "org.apache.spark.sql.internal.ToScalaUDF$$Lambda provides a GPU implementation"), bridged.get(0).reason());
        assertEquals("4 of 4 (100 %)", ExplainReport.share(nodes.stream().filter(Node::operator).toList()));
    }

    @Test
    void unsupportedAggregatesKeepTheirOperatorOnTheCpuWithThePluginsReason() throws IOException {
        List<Node> nodes = ExplainReport.parse(captured("explain-learned-f-decreasing.txt"));

        assertEquals(129, nodes.size());
        assertEquals(6, count(nodes, true, Placement.GPU));
        assertEquals(2, count(nodes, true, Placement.NOT_ON_GPU));
        assertEquals(8, count(nodes, false, Placement.NOT_ON_GPU));
        assertEquals(100, count(nodes, false, Placement.COULD_BUT_WILL_NOT));
        Node corr = nodes.stream().filter(n -> n.name().equals("Corr")).findFirst().orElseThrow();
        assertEquals("corr(s_bar, f)", corr.detail());
        assertEquals("GPU does not currently support the operator class "
                + "org.apache.spark.sql.catalyst.expressions.aggregate.Corr", corr.reason());
        assertEquals("6 of 8 (75 %)", ExplainReport.share(nodes.stream().filter(Node::operator).toList()));
    }

    @Test
    void theReportListsEveryQueryWithItsSharesAndReasons() throws IOException {
        String md = ExplainReport.markdown(List.of(
                new ExplainReport.Query("note › pattern over time", "SELECT state_pattern(states) FROM trajectories",
                        captured("explain-pattern-over-time.txt")),
                new ExplainReport.Query("note › learned f", "SELECT corr(s_bar, f) FROM learned_function",
                        captured("explain-learned-f-decreasing.txt"))), "rapids-4-spark_2.13-26.08.1.jar");

        assertTrue(md.contains("| 1 | note › pattern over time | 4 of 4 (100 %) | 7 of 9 (78 %) | ScalaUDF |"), md);
        assertTrue(md.contains("| | **all queries** | **10 of 12 (83 %)** |"), md);
        assertTrue(md.contains("  - `Corr` `corr(s_bar, f)`: GPU does not currently support the operator class "
                + "org.apache.spark.sql.catalyst.expressions.aggregate.Corr (×2)"), md);
        assertTrue(md.contains("- CPU bridge (CPU inside a GPU operator):\n  - `ScalaUDF` `state_mean(states)`: neither"), md);
    }
}
