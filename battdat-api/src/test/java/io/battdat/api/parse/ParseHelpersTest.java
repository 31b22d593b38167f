package io.battdat.api.parse;

import io.battdat.api.InvalidUseException;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParseHelpersTest {
    @Test
    void decimalsAreCorrectlyRounded() {
        Random random = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            for (String text : List.of(Double.toString(d), String.format("%.6f", d), String.format("%.9E", d))) {
                assertEquals(Double.parseDouble(text), Decimals.parseDouble(text), text);
            }
        }
        assertEquals(-9.63e-5, Decimals.parseDouble("-9.63E-05"));
        assertEquals(3.0, Decimals.parseDouble(" 3. "));
        assertTrue(Double.isNaN(Decimals.parseDouble("NaN")));
        assertEquals(Double.NEGATIVE_INFINITY, Decimals.parseDouble("-inf"));
        assertEquals(3L, Decimals.parseLong("3.0".toCharArray(), 0, 3));
        for (String bad : List.of("", " ", "1d", "0x10", "1e", "abc", "1.5.2", "--1")) {
            assertThrows(NumberFormatException.class, () -> Decimals.parseDouble(bad), bad);
        }
        assertThrows(NumberFormatException.class, () -> Decimals.parseLong("1.5".toCharArray(), 0, 3));
    }

    @Test
    void wallClockMatchesJavaTime() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        WallClock clock = new WallClock(zone);
        for (String text : List.of("2021-03-28 01:30:00", "2021-06-01 12:00:00.123456", "2021-10-31 01:59:59")) {
            char[] c = text.toCharArray();
            LocalDateTime ldt = LocalDateTime.parse(text.replace(' ', 'T'));
            double expected = ldt.atZone(zone).toEpochSecond() + ldt.getNano() / 1e9;
            assertEquals(expected, clock.parse(c, 0, c.length), 1e-6, text);
        }
        char[] us = "03/31/2016 04:05:31 PM".toCharArray();
        assertEquals(LocalDateTime.of(2016, 3, 31, 16, 5, 31).toEpochSecond(ZoneOffset.UTC),
                new WallClock(ZoneOffset.UTC).parse(us, 0, us.length), 1e-9);
        char[] gap = "2021-03-28 02:30:00".toCharArray(); // does not exist in Berlin: moved forward by the gap
        assertEquals(LocalDateTime.of(2021, 3, 28, 3, 30).atZone(zone).toEpochSecond(), clock.parse(gap, 0, gap.length));
        assertThrows(NumberFormatException.class, () -> clock.parse("31.03.2016".toCharArray(), 0, 10));
    }

    @Test
    void timelineContinuesAcrossFiles() {
        CellTimeline t = new CellTimeline();
        assertEquals(0, t.startFile());
        assertEquals(0, t.cycle(5));
        assertEquals(0.0, t.time(100));
        assertEquals(2, t.cycle(7));
        assertEquals(50.0, t.time(150));
        assertEquals(1, t.startFile());
        assertEquals(3, t.cycle(0));
        assertEquals(50.0, t.time(0), "the next file starts where the previous ended");
        assertThrows(IllegalArgumentException.class, () -> t.cycle(-1));
    }

    @Test
    void partsOfOneRecordingKeepTheFirstPartsOrigin() {
        CellTimeline t = new CellTimeline();
        assertEquals(0, t.continueFile(), "the first part starts the recording");
        assertEquals(0, t.cycle(5));
        assertEquals(0.0, t.time(100));
        assertEquals(1, t.cycle(6));
        assertEquals(1, t.continueFile());
        assertEquals(1, t.cycle(6), "a cycle cut by the split keeps its number");
        assertEquals(60.0, t.time(160), "times go on unchanged");
        assertEquals(2, t.startFile());
        assertEquals(2, t.cycle(0), "a stacked file after the parts starts after their last cycle");
        assertEquals(60.0, t.time(0));
    }

    @Test
    void headerMatchesUnitSuffixedNames() {
        Header h = new Header(List.of("\uFEFFData_Point", "Current (A)", "Voltage(V)", "Date_Time"));
        assertEquals(0, h.indexOf("Data_Point"));
        assertEquals(1, h.indexOf("Current"));
        assertEquals(2, h.indexOf("Voltage"));
        assertEquals(-1, h.indexOf("Cycle_Index"));
    }
}
