package io.battdat.api;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Where errors happened, and the message prefix every BattdatException builds from it. */
class ErrorLocationTest {
    private static final Path FILE = Path.of("data.h5");

    @Test
    void theMessageNamesFileTableAndRowInFrontOfTheText() {
        BattdatException e = new BadFormatException(ErrorLocation.of(FILE, "/raw_data", 17), "bad value", null);
        assertEquals("data.h5: /raw_data: row 17: bad value", e.getMessage());
        assertEquals("bad value", e.getRawMessage());
        assertEquals(FILE, e.file());
        assertEquals("/raw_data", e.table());
        assertEquals(17, e.row());
        assertEquals("data.h5", e.location());
    }

    @Test
    void partsThatAreAbsentAreLeftOut() {
        assertEquals("data.h5: no table", new KeyNotFoundException(ErrorLocation.of(FILE), "no table", null)
                .getMessage());
        assertEquals("/raw_data: no column", new KeyNotFoundException(ErrorLocation.of(null, "/raw_data"),
                "no column", null).getMessage());
        BattdatException nowhere = new InvalidUseException("batch size must be positive");
        assertEquals("batch size must be positive", nowhere.getMessage());
        assertNull(nowhere.file());
        assertNull(nowhere.table());
        assertEquals(-1, nowhere.row());
        assertEquals("no location", new WriteException(null, "no location", null).getMessage());
    }

    @Test
    void aUriSetAfterwardsReplacesTheFileInTheMessage() {
        BattdatException e = new FileAccessException(ErrorLocation.of(FILE, "/raw_data"), "cannot read", null)
                .withLocation("s3a://bucket/data.h5");
        assertEquals("s3a://bucket/data.h5: /raw_data: cannot read", e.getMessage());
        assertEquals(FILE, e.file());
    }

    @Test
    void locationsAreValuesDerivedWithTableAndRow() {
        ErrorLocation table = ErrorLocation.of(FILE, "/raw_data");
        assertEquals(ErrorLocation.of(FILE, "/raw_data", 3), table.withRow(3));
        assertEquals(ErrorLocation.of(FILE, "/cycle_stats"), table.withRow(3).withTable("/cycle_stats"));
        assertEquals(-1, table.row());
        assertSame(ErrorLocation.NONE, ErrorLocation.of(null, null, -1));
        assertEquals("data.h5: /raw_data: row 3", table.withRow(3).toString());
        assertEquals("", ErrorLocation.NONE.toString());
    }

    @Test
    void anUnsupportedFilterKeepsItsId() {
        UnsupportedFilterException e = new UnsupportedFilterException(ErrorLocation.of(FILE, "/raw_data"), 305,
                "unsupported HDF5 filter 305 (lzo)", null);
        assertEquals(305, e.filterId());
        assertEquals("data.h5: /raw_data: unsupported HDF5 filter 305 (lzo)", e.getMessage());
    }
}
