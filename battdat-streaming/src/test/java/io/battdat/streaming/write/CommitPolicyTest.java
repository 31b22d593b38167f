package io.battdat.streaming.write;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code --commit-every} forms. */
class CommitPolicyTest {
    @Test
    void rowsDurationsAndBoth() {
        CommitPolicy rows = CommitPolicy.DEFAULT.parse("250_000");
        assertEquals(250_000, rows.rows());
        assertEquals(Duration.ofSeconds(30), rows.interval(), "the part not given keeps the default");
        CommitPolicy time = CommitPolicy.DEFAULT.parse("1.5m");
        assertEquals(1_000_000, time.rows());
        assertEquals(Duration.ofSeconds(90), time.interval());
        CommitPolicy both = CommitPolicy.DEFAULT.parse("10, 500ms");
        assertEquals(10, both.rows());
        assertEquals(Duration.ofMillis(500), both.interval());
        assertTrue(both.commitsFirstBatch());
        CommitPolicy close = CommitPolicy.DEFAULT.parse("close");
        assertFalse(close.periodic());
        assertNull(close.interval());
    }

    @Test
    void nonsenseNamesThePart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommitPolicy.DEFAULT.parse("1000,soon"));
        assertTrue(e.getMessage().contains("'soon'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CommitPolicy.DEFAULT.parse("0"));
    }
}
