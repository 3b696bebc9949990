package io.morphospark.models.evaluation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How work items are dealt to tasks: every item once, equal expected cost, independent of anything but the input. */
class BlockDealTest {
    /** The plan BlockEvaluation makes: candidate-major, blocks of {@code block} replicates, a shorter last block. */
    private static List<WorkItem> plan(int candidates, int replicates, int block) {
        List<WorkItem> items = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            for (int first = 0; first < replicates; first += block) {
                items.add(new WorkItem(c, first, Math.min(block, replicates - first)));
            }
        }
        return items;
    }

    private static long cost(List<WorkItem> task) {
        return task.stream().mapToLong(WorkItem::count).sum();
    }

    @Test
    void everyItemGoesToExactlyOneTask() {
        List<WorkItem> items = plan(20, 50, 25);
        List<List<WorkItem>> tasks = BlockEvaluation.deal(items, 3);
        List<WorkItem> dealt = new ArrayList<>();
        tasks.forEach(dealt::addAll);
        Comparator<WorkItem> order = Comparator.comparingInt(WorkItem::candidate).thenComparingInt(WorkItem::firstReplicate);
        dealt.sort(order);
        assertEquals(items, dealt);
    }

    @Test
    void uniformItemsGoRoundRobinSoEachTaskSeesEveryCandidate() {
        // the seed preset: 20 candidates × 2 blocks of 25 on 2 tasks
        List<List<WorkItem>> tasks = BlockEvaluation.deal(plan(20, 50, 25), 2);
        assertEquals(2, tasks.size());
        for (List<WorkItem> task : tasks) {
            assertEquals(20, task.size());
            assertEquals(20, task.stream().mapToInt(WorkItem::candidate).distinct().count(),
                    "a task holds one block of every candidate, not a contiguous run of candidates");
        }
    }

    @Test
    void unevenBlocksAreBalancedByReplicatesNotByCount() {
        // 50 replicates in blocks of 30: items of 30 and 20 replicates. A split by position or a
        // round-robin would give one task all the 30s; the deal must even out replicates instead.
        List<List<WorkItem>> tasks = BlockEvaluation.deal(plan(10, 50, 30), 2);
        long a = cost(tasks.get(0));
        long b = cost(tasks.get(1));
        assertEquals(500, a + b);
        assertTrue(Math.abs(a - b) <= 30, "replicates per task " + a + " and " + b);
        List<List<WorkItem>> five = BlockEvaluation.deal(plan(7, 50, 30), 5);
        long max = five.stream().mapToLong(BlockDealTest::cost).max().orElseThrow();
        long min = five.stream().mapToLong(BlockDealTest::cost).min().orElseThrow();
        assertTrue(max - min <= 30, "spread " + min + ".." + max + " over five tasks");
    }

    @Test
    void theDealDependsOnlyOnItsInput() {
        List<WorkItem> items = plan(13, 40, 7);
        assertEquals(BlockEvaluation.deal(items, 4), BlockEvaluation.deal(new ArrayList<>(items), 4));
    }

    @Test
    void neverMoreTasksThanItemsAndNeverNone() {
        assertEquals(4, BlockEvaluation.deal(plan(2, 4, 2), 9).size());
        assertEquals(1, BlockEvaluation.deal(plan(3, 4, 4), 1).size());
        assertThrows(IllegalArgumentException.class, () -> BlockEvaluation.deal(plan(1, 1, 1), 0));
    }
}
