package io.battdat.parsers.maccor;

import io.battdat.api.BadFormatException;
import io.battdat.api.parse.ParseOptions;
import io.battdat.parsers.csv.testing.Conversions;
import io.battdat.parsers.csv.testing.FormatTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.battdat.parsers.csv.testing.Conversions.column;
import static io.battdat.parsers.csv.testing.Conversions.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaccorParserTest extends FormatTest {
    MaccorParserTest() {
        super("maccor");
    }

    private static final String COLUMNS = "Rec#\tCyc#\tStep\tTest (Min)\tStep (Min)\tAmp-hr\tWatt-hr\tAmps\tVolts\tState\tES\tDPt Time";

    private static String preamble(String date) {
        return "Today's Date 04/04/2016  Date of Test:\t" + date + "\t Filename:\tC:\\Data\\t\u00b0.001 Procedure:\tx";
    }

    private static String row(int rec, int cyc, double min, double amps, double volts, String state, String time) {
        return rec + "\t" + cyc + "\t1\t" + min + "\t0\t0\t0\t" + amps + "\t" + volts + "\t" + state + "\t0\t" + time;
    }

    @Test
    void samplePairContinuesCyclesAndTimes() {
        Path out = dir.resolve("m.h5");
        var report = convert(out, ParseOptions.defaults().withZone(ZoneOffset.UTC),
                Conversions.shared("maccor", "maccor_example.001"), Conversions.shared("maccor", "maccor_example.002"));
        assertEquals(Map.of("raw_data", 16L), report.cells().get(""));
        List<Object> files = column(out, "raw_data", "file_number");
        assertEquals(1L, files.get(15));
        assertEquals(1L, column(out, "raw_data", "cycle_number").get(8));
        List<Object> t = column(out, "raw_data", "test_time");
        assertEquals(10.001999999999999, (Double) t.get(1), 1e-12);
        assertEquals((Double) t.get(7), (Double) t.get(8), 0.0);
        List<Object> time = column(out, "raw_data", "time");
        assertEquals(3, Instant.ofEpochSecond(((Double) time.get(0)).longValue()).atZone(ZoneOffset.UTC).getMonthValue());
        assertEquals(4, Instant.ofEpochSecond(((Double) time.get(8)).longValue()).atZone(ZoneOffset.UTC).getMonthValue());
        assertEquals("resting", column(out, "raw_data", "state").get(0));
    }

    @Test
    void filesOutOfDateOrderAreRefused() {
        Path a = write(dir, "t.001", preamble("04/01/2016") + "\r\n" + COLUMNS + "\r\n"
                + row(1, 0, 0, 0, 3.3, "R", "16:00:00") + "\r\n", StandardCharsets.ISO_8859_1);
        Path b = write(dir, "t.002", preamble("03/31/2016") + "\r\n" + COLUMNS + "\r\n"
                + row(1, 0, 0, 0, 3.3, "R", "16:00:00") + "\r\n", StandardCharsets.ISO_8859_1);
        BadFormatException e = assertThrows(BadFormatException.class, () -> convert(dir.resolve("x.h5"), a, b));
        assertTrue(e.getMessage().contains("not in the correct order"), e.getMessage());
    }

    @Test
    void unsignedAmpsTakeTheirSignFromState() {
        Path f = write(dir, "u.001", preamble("03/31/2016") + "\n" + COLUMNS + "\n"
                + row(1, 3, 10, 0, 3.3, "R", "03/31/2016 16:00:00") + "\n"
                + row(2, 3, 11, 1.5, 3.4, "C", "03/31/2016 16:01:00") + "\n"
                + row(3, 4, 12, 1.5, 3.2, "D", "03/31/2016 16:02:00") + "\n\n\n", StandardCharsets.ISO_8859_1);
        Path out = dir.resolve("u.h5");
        convert(out, f);
        assertEquals(List.of(0.0, 1.5, -1.5), column(out, "raw_data", "current"));
        assertEquals(List.of(0L, 0L, 1L), column(out, "raw_data", "cycle_number"), "an excerpt starts at cycle 0");
        assertEquals(List.of(0.0, 60.0, 120.0), column(out, "raw_data", "test_time"), "and at time 0");
        assertEquals(List.of("resting", "charging", "discharging"), column(out, "raw_data", "state"));
    }

    @Test
    void signedAmpsAreKeptAndSecondsAreRead() {
        String cols = COLUMNS.replace("Test (Min)", "Test (Sec)");
        Path f = write(dir, "s.001", preamble("03/31/2016") + "\r\n" + cols + "\r\n"
                + row(1, 0, 0, 1.5, 3.3, "C", "16:00:00") + "\r\n"
                + row(2, 0, 30, -1.5, 3.2, "D", "16:00:30") + "\r\n", StandardCharsets.ISO_8859_1);
        Path out = dir.resolve("s.h5");
        convert(out, f);
        assertEquals(List.of(1.5, -1.5), column(out, "raw_data", "current"));
        assertEquals(List.of(0.0, 30.0), column(out, "raw_data", "test_time"));
    }

    @Test
    void timeOfDayRollsOverMidnightAndDaylightSavingKeepsTimeForward() {
        // New York falls back at 2016-11-06 02:00 EDT -> 01:00 EST: 01:30 happens twice
        Path f = write(dir, "d.001", preamble("11/05/2016") + "\r\n" + COLUMNS + "\r\n"
                + row(1, 0, 0, 0, 3.3, "R", "23:59:00") + "\r\n"
                + row(2, 0, 90, 0, 3.3, "R", "01:29:00") + "\r\n"
                + row(3, 0, 120, 0, 3.3, "R", "01:59:00") + "\r\n"
                + row(4, 0, 150, 0, 3.3, "R", "01:29:00") + "\r\n", StandardCharsets.ISO_8859_1);
        Path out = dir.resolve("d.h5");
        convert(out, ParseOptions.defaults().withZone(ZoneId.of("America/New_York")), f);
        List<Object> time = column(out, "raw_data", "time");
        double first = (Double) time.get(0);
        assertEquals(90 * 60.0, (Double) time.get(1) - first, 1e-6);
        assertEquals(120 * 60.0, (Double) time.get(2) - first, 1e-6);
        assertEquals(150 * 60.0, (Double) time.get(3) - first, 1e-6, "the repeated hour goes forward");
    }

    @Test
    void ignoreTimeLeavesTheColumnOut() {
        Path f = write(dir, "i.001", preamble("03/31/2016") + "\r\n" + COLUMNS + "\r\n"
                + row(1, 0, 0, 0, 3.3, "R", "garbage") + "\r\n", StandardCharsets.ISO_8859_1);
        Path out = dir.resolve("i.h5");
        convert(out, ParseOptions.defaults().withSettings(Map.of(MaccorParser.IGNORE_TIME, "true")), f);
        assertFalse(io.battdat.streaming.Battdat.engine().inspect(out).toString().contains("time:"));
        assertEquals(List.of(3.3), column(out, "raw_data", "voltage"));
    }

    @Test
    void unsupportedLayoutsAreRefusedClearly() {
        Path comma = write(dir, "c.001", preamble("03/31/2016") + "\r\n" + COLUMNS + "\r\n"
                + "1\t0\t1\t0,5\t0\t0\t0\t0\t3,3\tR\t0\t16:00:00\r\n", StandardCharsets.ISO_8859_1);
        BadFormatException e = assertThrows(BadFormatException.class, () -> convert(dir.resolve("c.h5"), comma));
        assertTrue(e.getMessage().contains("line 3, column 'Test (Min)'") && e.getMessage().contains("decimal commas"),
                e.getMessage());
        Path preambleless = write(dir, "p.001", "Procedure: x\r\nmore text\r\n" + COLUMNS + "\r\n",
                StandardCharsets.ISO_8859_1);
        e = assertThrows(BadFormatException.class, () -> convert(dir.resolve("p.h5"), preambleless));
        assertTrue(e.getMessage().contains("Date of Test"), e.getMessage());
    }
}
