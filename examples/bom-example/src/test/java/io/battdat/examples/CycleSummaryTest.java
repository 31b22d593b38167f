package io.battdat.examples;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CycleSummaryTest {
    private final Path file = Path.of(System.getProperty("example.file"));

    @Test
    void readsTheFixtureThroughTheBom() {
        // plain.h5: 5776 rows in 5 cycle runs (testdata/hdf5/expected.json)
        assertEquals(5776, CycleSummary.countRecords(file));
        assertEquals(5, CycleSummary.countCycles(file));
    }
}
