package io.morphospark.models.gpu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A task-sized trial pins ND4J to its task's cores; the defaults come back when the last pin is closed. */
class MathThreadsTest {
    @Test
    void pinsTheNativeLibraryWhileHeldAndRestoresItAfterTheLastPin() {
        int threadsBefore = MathThreads.loopThreads();
        int blasBefore = MathThreads.blasThreads();
        MathThreads first = MathThreads.pin(1);
        assertEquals(1, MathThreads.loopThreads());
        assertTrue(MathThreads.blasThreads() <= 1, "BLAS threads " + MathThreads.blasThreads());
        MathThreads second = MathThreads.pin(2); // a second trial in the same JVM: the smallest pin holds
        assertEquals(1, MathThreads.loopThreads());
        first.close();
        assertEquals(1, MathThreads.loopThreads(), "still pinned while the second trial runs");
        second.close();
        second.close(); // closing twice changes nothing
        assertEquals(threadsBefore, MathThreads.loopThreads());
        assertEquals(blasBefore, MathThreads.blasThreads());
    }
}
