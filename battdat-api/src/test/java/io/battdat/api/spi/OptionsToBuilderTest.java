package io.battdat.api.spi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class OptionsToBuilderTest {

    @Test
    void readOptionsToBuilderKeepsEveryOption() {
        ReadOptions changed = ReadOptions.builder().batchRows(100).threads(3).prefetch(0).rowRange(5, 50)
                .columns(List.of("b", "a")).build();
        assertNotEquals(ReadOptions.DEFAULT, changed);
        assertEquals(changed, changed.toBuilder().build());
        assertEquals(ReadOptions.DEFAULT, ReadOptions.DEFAULT.toBuilder().build());
        assertEquals(List.of("b", "a"), changed.withThreads(1).columns());
        assertEquals(50, changed.withBatchRows(7).endRow());
    }
}
