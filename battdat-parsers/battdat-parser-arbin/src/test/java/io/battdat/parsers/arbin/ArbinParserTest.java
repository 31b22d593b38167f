package io.battdat.parsers.arbin;

import io.battdat.api.BadFormatException;
import io.battdat.api.BattdatException;
import io.battdat.api.parse.ParseOptions;
import io.battdat.parsers.csv.testing.Conversions;
import io.battdat.parsers.csv.testing.FormatTest;
import io.battdat.streaming.convert.ConvertReport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.battdat.parsers.csv.testing.Conversions.column;
import static io.battdat.parsers.csv.testing.Conversions.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArbinParserTest extends FormatTest {
    ArbinParserTest() {
        super("arbin");
    }

    private static final String HEADER = "Data_Point,Test_Time,DateTime,Step_Time,Step_Index,Cycle_Index,Current,"
            + "Voltage,Internal_Resistance,Temperature\r\n";

    /** Python's reader: test_time from the date-time seconds, then drop_cycles. */
    private static final ParseOptions PYTHON = ParseOptions.defaults()
            .withSettings(Map.of(ArbinParser.TIME_SOURCE, "datetime"));

    @Test
    void sampleMatchesTheSpecFiguresWithPythonsTimeSource() {
        Path out = dir.resolve("arbin.h5");
        ConvertReport report = convert(out, PYTHON, Conversions.shared("arbin", "arbin_example.csv"));
        assertEquals(Map.of("raw_data", 1626L), report.cells().get(""));
        List<Object> cycles = column(out, "raw_data", "cycle_number");
        assertEquals(0L, cycles.get(0));
        assertEquals(1L, cycles.get(cycles.size() - 1));
        assertEquals(-9.63e-05, column(out, "raw_data", "current").get(0));
        List<Object> states = column(out, "raw_data", "state");
        assertEquals("discharging", states.get(0));
        Map<Object, Long> counts = states.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(Map.of("charging", 754L, "discharging", 689L, "resting", 183L), counts);
        assertEquals(6L, column(out, "raw_data", "step_index").stream().mapToLong(o -> (Long) o).max().orElseThrow());
    }

    @Test
    void sampleKeepsEveryDistinctRecordByDefault() {
        Path out = dir.resolve("arbin-default.h5");
        ConvertReport report = convert(out, Conversions.shared("arbin", "arbin_example.csv"));
        List<Object> time = column(out, "raw_data", "test_time");
        assertEquals(2142L, report.rowsWritten(), "every record of the file, where Python keeps 1626");
        assertEquals(0, report.rowsDropped());
        assertEquals(5.0275, (Double) time.get(1), 1e-9); // Test_Time, not the date-time's whole seconds
        assertEquals(5.0276, (Double) time.get(2), 1e-9);
    }

    /** A 10 Hz pulse test: 200 rows, the date-time in whole seconds, voltage and current repeating within a second. */
    private Path tenHertz(String name) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 200; i++) {
            double amps = (i / 20) % 2 == 0 ? 2.0 : 0.0; // 2 s pulses
            csv.append(i + 1).append(',').append(String.format(Locale.ROOT, "%.1f", i * 0.1)).append(',')
                    .append(1499006353 + i / 10).append(",0,1,1,").append(amps).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", 3.5 + 0.001 * (i / 4))).append(",0.01,25\r\n");
        }
        return write(dir, name, csv.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void tenHertzExportKeepsEveryRowByDefault() {
        Path out = dir.resolve("10hz.h5");
        ConvertReport report = convert(out, tenHertz("pulse.csv"));
        assertEquals(200L, report.rowsWritten());
        List<Object> time = column(out, "raw_data", "test_time");
        for (int i = 0; i < 200; i++) {
            assertEquals(i * 0.1, (Double) time.get(i), 1e-9, "row " + i);
        }
        assertTrue(report.warnings().stream().noneMatch(w -> w.contains("coarser")), report.warnings().toString());
    }

    @Test
    void tenHertzExportWithPythonsTimeSourceLosesRowsAndWarnsOnce() {
        Path out = dir.resolve("10hz-python.h5");
        ConvertReport report = convert(out, PYTHON, tenHertz("pulse.csv"));
        // Python: rows of one second with equal voltage and current collapse; every second has 10 rows in 3 groups
        // of (voltage, current) at most, so at most 3 distinct rows per second remain
        assertTrue(report.rowsWritten() < 200 && report.rowsDropped() == 200 - report.rowsWritten(),
                report.rowsWritten() + " rows");
        List<Object> time = column(out, "raw_data", "test_time");
        assertEquals(0.0, (Double) time.get(1), 0.0, "whole seconds: the second row shares the first's time");
        List<String> coarse = report.warnings().stream().filter(w -> w.contains("coarser")).toList();
        assertEquals(1, coarse.size(), report.warnings().toString());
        assertTrue(coarse.get(0).contains("pulse.csv") && coarse.get(0).contains("180 of 200"), coarse.get(0));
    }

    @Test
    void onlyRecordsRepeatingEveryFieldAreDropped() {
        String row = "2,1.0,1499006354,1,1,1,0.5,3.4,0.01,25\r\n";
        Path csv = write(dir, "repeat.csv", HEADER + "1,0.0,1499006353,0,1,1,0.5,3.3,0.01,25\r\n" + row + row
                + "3,1.0,1499006354,1,1,1,0.5,3.4,0.01,25\r\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("repeat.h5");
        ConvertReport report = convert(out, csv);
        // the repeated record goes; record 3 differs in Data_Point only and is kept
        assertEquals(List.of(0.0, 1.0, 1.0), column(out, "raw_data", "test_time"));
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("repeat.csv") && w.contains("1 record(s)")),
                report.warnings().toString());
    }

    @Test
    void unknownTimeSourceIsAnError() {
        Path csv = write(dir, "run.csv", HEADER + "1,0,1499006353,0,1,1,0.5,3.3,0.01,25\r\n", StandardCharsets.UTF_8);
        BattdatException e = assertThrows(BattdatException.class, () -> convert(dir.resolve("t.h5"),
                ParseOptions.defaults().withSettings(Map.of("time-source", "clock")), csv));
        assertTrue(e.getMessage().contains("test-time or datetime"), e.getMessage());
    }

    @Test
    void splitExportPartsFormOneCellWithContinuingCyclesAndTimes() {
        // part 2 starts in the middle of cycle 2 and at the test time where part 1 stopped
        Path part1 = write(dir, "Test7_Channel_3_Wb_1.CSV", HEADER
                + "1,0.0,1499006353,0,1,1,0.5,3.3,0.01,25\r\n"
                + "2,1.0,1499006354,1,1,1,0.5,3.4,0.01,25\r\n"
                + "3,2.0,1499006355,0,2,2,-0.5,3.3,0.01,25\r\n", StandardCharsets.UTF_8);
        Path part2 = write(dir, "Test7_Channel_3_Wb_2.CSV", HEADER
                + "4,3.0,1499006356,1,2,2,-0.5,3.2,0.01,25\r\n"
                + "5,4.0,1499006357,0,3,3,0.5,3.3,0.01,25\r\n", StandardCharsets.UTF_8);
        Path other = write(dir, "Other.csv", HEADER + "1,0.0,1499006353,0,1,1,0.5,3.3,0.01,25\r\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("split.h5");
        ConvertReport one = convert(out, part2, part1); // the parts' order comes from their numbers
        assertEquals(5L, one.rowsWritten());
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0), column(out, "raw_data", "test_time"));
        assertEquals(List.of(0L, 0L, 1L, 1L, 2L), column(out, "raw_data", "cycle_number"));
        assertEquals(List.of(0L, 0L, 0L, 1L, 1L), column(out, "raw_data", "file_number"));
        ConvertReport two = convert(dir.resolve("two.h5"), part1, part2, other);
        assertEquals(List.of("Test7_Channel_3", "Other"), List.copyOf(two.cells().keySet()));
        assertEquals(Map.of("raw_data", 5L), two.cells().get("Test7_Channel_3"));
    }

    @Test
    void splitPartsWhoseClockRestartsAreStackedLikeSeparateFiles() {
        Path part1 = write(dir, "run_Wb_1.csv", HEADER + "1,0.0,1499006353,0,1,1,0.5,3.3,0.01,25\r\n"
                + "2,1.0,1499006354,1,1,1,0.5,3.4,0.01,25\r\n", StandardCharsets.UTF_8);
        Path part2 = write(dir, "run_Wb_2.csv", HEADER + "1,0.0,1499009000,0,1,1,0.5,3.3,0.01,25\r\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("restart.h5");
        convert(out, part1, part2);
        assertEquals(List.of(0.0, 1.0, 1.0), column(out, "raw_data", "test_time"));
        assertEquals(List.of(0L, 0L, 1L), column(out, "raw_data", "cycle_number"));
    }

    @Test
    void classicExportWithFractionalEpochAndIntegersAsFloats() {
        Path csv = write(dir, "run.csv", HEADER
                + "1,0,1499006353.5,0,1.0,1.0,0.5,3.3,0.01,25\r\n"
                + "2,1,1499006354.5,1,1.0,1.0,0.5,3.4,0.01,25\r\n"
                + "3,2,1499006355.5,2,2.0,2.0,-0.5,3.2,0.01,\"25\"\r\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.h5");
        convert(out, csv);
        assertEquals(List.of(0.0, 1.0, 2.0), column(out, "raw_data", "test_time"));
        assertEquals(List.of(0L, 0L, 1L), column(out, "raw_data", "cycle_number"));
        assertEquals(List.of("charging", "charging", "discharging"), column(out, "raw_data", "state"));
    }

    @Test
    void mitsProDialectWithBomUnitsAndLocalDateTime() {
        Path csv = write(dir, "mits.csv", "\uFEFFData_Point,Date_Time,Test_Time(s),Step_Index,Cycle_Index,"
                + "Current (A),Voltage(V),Internal_Resistance(Ohm)\r\n"
                + "1,2021-03-27 23:59:59.500,0,1,1,0.1,3.5,0.02\r\n"
                + "2,2021-03-28 00:00:09.500,10,1,1,0.1,3.6,0.02\r\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("mits.h5");
        ConvertReport report = convert(out, ParseOptions.defaults().withZone(ZoneId.of("Europe/Berlin")), csv);
        assertEquals(2L, report.rowsWritten());
        assertEquals(List.of(0.0, 10.0), column(out, "raw_data", "test_time"));
        assertEquals(List.of(3.5, 3.6), column(out, "raw_data", "voltage"));
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("no Temperature")), report.warnings().toString());
    }

    @Test
    void allEmptyCycleIndexIsAnErrorNotZeros() {
        Path csv = write(dir, "empty-cycles.csv", HEADER + "1,0,1499006353,0,1,,0.5,3.3,0.01,25\r\n"
                + "2,1,1499006354,1,1,,0.5,3.4,0.01,25\r\n", StandardCharsets.UTF_8);
        BadFormatException e = assertThrows(BadFormatException.class, () -> convert(dir.resolve("x.h5"), csv));
        assertTrue(e.getMessage().contains("empty-cycles.csv") && e.getMessage().contains("line 2")
                && e.getMessage().contains("'Cycle_Index'"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.h5")), "no output file after a failure");
        assertEquals(List.of(), leftovers());
    }

    @Test
    void badInputNamesFileLineAndColumn() {
        expectError(HEADER + "1,0,1499006353,0,1,1,abc,3.3,0.01,25\r\n", "line 2, column 'Current': not a number: 'abc'");
        expectError("Data_Point,DateTime,Cycle_Index,Voltage\r\n1,1499006353,1,3.3\r\n", "missing required column 'Current'");
        expectError(HEADER + "1,0,1499006353,0,1,1,0.5,3.3,0.01,25\r\n2,1,1499006354,0,1,1,0.5", "line 3: expected 10 fields, found 7");
        expectError(HEADER + "1,0,1499006353,0,1,1,\"0.5,3.3,0.01,25\r\n", "line 2");
        expectError("", "empty file");
        expectError(HEADER, "no data rows");
    }

    @Test
    void binaryContentIsRefused() throws Exception {
        Path bin = dir.resolve("binary.csv");
        Files.write(bin, new byte[]{(byte) 0x89, 'H', 'D', 'F', 0, 0, 1, 2, 3});
        BadFormatException e = assertThrows(BadFormatException.class, () -> convert(dir.resolve("b.h5"), bin));
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
    }

    @Test
    void skipBadLinesCountsThemAndGoesOn() {
        Path csv = write(dir, "some-bad.csv", HEADER
                + "1,0,1499006353,0,1,1,0.5,3.3,0.01,25\r\n"
                + "2,1,1499006354,0,1,1,oops,3.3,0.01,25\r\n"
                + "3,2,1499006355,0,1,1,0.5,3.5,0.01,25\r\n"
                + "4,3,1499006356,0,1,1,0.5\r\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("skip.h5");
        ConvertReport report = convert(out, ParseOptions.defaults().withSkipBadLines(true), csv);
        assertEquals(2, report.badLines());
        assertTrue(report.firstBadLines().get(0).contains("line 3"), report.firstBadLines().toString());
        assertTrue(report.firstBadLines().get(1).contains("line 5"), report.firstBadLines().toString());
        assertEquals(List.of(3.3, 3.5), column(out, "raw_data", "voltage"));
    }

    @Test
    void directoryModeSkipsCompanionFiles() {
        Path run = dir.resolve("run");
        write(Path.of(run.toString()).toFile().mkdirs() ? run : run, "cell_1.csv", HEADER
                + "1,0,1499006353,0,1,1,0.5,3.3,0.01,25\r\n", StandardCharsets.UTF_8);
        write(run, "cell_1_Metadata.csv", "Key,Value\r\nChannel,3\r\n", StandardCharsets.UTF_8);
        ConvertReport report = convert(dir.resolve("dir.h5"), run);
        assertEquals(List.of(run.resolve("cell_1_Metadata.csv")), report.skippedFiles());
        assertEquals(1L, report.rowsWritten());
    }

    private void expectError(String content, String expected) {
        Path csv = write(dir, "bad.csv", content, StandardCharsets.UTF_8);
        BattdatException e = assertThrows(BattdatException.class, () -> convert(dir.resolve("bad.h5"), csv));
        assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains(expected), e.getMessage());
        assertFalse(Files.exists(dir.resolve("bad.h5")), "no output file after a failure");
    }

    private List<Path> leftovers() {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().contains(".tmp")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void probeSaysWhichColumnsAreMissing() {
        ArbinParser parser = new ArbinParser();
        io.battdat.api.spi.FileProbe other = new io.battdat.api.spi.FileProbe(Path.of("x.csv"), false,
                "Data_Point,DateTime,Cycle_Index,Current\n1,2,3,4\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("missing column 'Voltage'", parser.explainProbe(other).reason());
        assertEquals(io.battdat.api.spi.ProbeResult.NO, parser.probe(other));
        io.battdat.api.spi.FileProbe notCsv = new io.battdat.api.spi.FileProbe(Path.of("x.txt"), false, new byte[0]);
        assertEquals("not a .csv file", parser.explainProbe(notCsv).reason());
        io.battdat.api.spi.FileProbe shortHead = new io.battdat.api.spi.FileProbe(Path.of("x.csv"), false,
                "Data_Point,Date".getBytes(StandardCharsets.UTF_8));
        assertEquals(io.battdat.api.spi.ProbeResult.EXTENSION, parser.probe(shortHead));
    }
}
