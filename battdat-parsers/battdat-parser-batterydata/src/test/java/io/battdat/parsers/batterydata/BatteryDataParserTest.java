package io.battdat.parsers.batterydata;

import io.battdat.api.BadFormatException;
import io.battdat.api.parse.ParseOptions;
import io.battdat.parsers.csv.testing.Conversions;
import io.battdat.parsers.csv.testing.FormatTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.battdat.parsers.csv.testing.Conversions.column;
import static io.battdat.parsers.csv.testing.Conversions.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatteryDataParserTest extends FormatTest {
    BatteryDataParserTest() {
        super("batterydata");
    }

    @Test
    void sampleCellMatchesTheSpecFigures() {
        Path raw = Conversions.shared("batterydata", "p492-13-raw.csv");
        Path summary = Conversions.shared("batterydata", "p492-13-summary.csv");
        Path out = dir.resolve("bd.h5");
        var report = convert(out, summary, raw);
        assertEquals(Map.of("raw_data", 2021L, "eis_data", 78L, "cycle_stats", 267L), report.cells().get(""));
        assertEquals("p492-13", io.battdat.streaming.Battdat.engine().inspect(out).metadata().name());
        List<Object> cycles = column(out, "raw_data", "cycle_number");
        assertEquals(0L, cycles.get(0));
        assertEquals(8L, cycles.get(cycles.size() - 1));
        assertEquals(3.27191577, column(out, "raw_data", "voltage").get(1));
        // the standard MATLAB mapping: 737792.442372685 is 2020-01-02 10:37:00.99998 UTC
        assertEquals(1577961420.99998, (Double) column(out, "raw_data", "time").get(0), 1e-4);
        assertTrue(column(out, "eis_data", "test_id").stream().allMatch(v -> v.equals(7L)));
        List<Object> summaryCycles = column(out, "cycle_stats", "cycle_number");
        assertEquals(0L, summaryCycles.get(0), "0-based like raw_data");
        assertEquals(266L, summaryCycles.get(266));
    }

    @Test
    void pythonBehaviourBehindOptions() {
        Path raw = Conversions.shared("batterydata", "p492-13-raw.csv");
        Path summary = Conversions.shared("batterydata", "p492-13-summary.csv");
        Path out = dir.resolve("py.h5");
        convert(out, ParseOptions.defaults().withZone(ZoneOffset.UTC).withSettings(Map.of(
                BatteryDataParser.PYTHON_DATENUM, "true", BatteryDataParser.PYTHON_SUMMARY_CYCLES, "true",
                BatteryDataParser.STORE_ALL, "true")), raw, summary);
        assertEquals(1578047820.99998, (Double) column(out, "raw_data", "time").get(0), 1e-4);
        assertEquals(1L, column(out, "cycle_stats", "cycle_number").get(0));
        assertEquals(0.0, column(out, "raw_data", "Charge_Throughput_Ah").get(0));
        assertEquals(0.0, column(out, "cycle_stats", "datenum_d").get(0));
    }

    @Test
    void rawFileAloneWithCrlf() {
        Path raw = write(dir, "cell-a-raw.csv", "Cycle_Index,Step,Time_s,Current_A,Voltage_V,Cell_Temperature_C,"
                + "Datenum_d\r\n1,1,0,0,3.3,25,719529\r\n1,2,1,0.5,3.4,,719529.5\r\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("a.h5");
        var report = convert(out, raw);
        assertEquals(Map.of("raw_data", 2L), report.cells().get(""));
        assertEquals(List.of(0.0, 43200.0), column(out, "raw_data", "time"));
        assertEquals(List.of(0L, 1L), column(out, "raw_data", "step_index"));
        assertTrue(Double.isNaN((Double) column(out, "raw_data", "temperature").get(1)));
    }

    @Test
    void brokenNamingConventionIsNamed() {
        Path bad = write(dir, "cell.csv", "Cycle_Index\r\n1\r\n", StandardCharsets.UTF_8);
        BadFormatException e = assertThrows(BadFormatException.class,
                () -> convert(dir.resolve("x.h5"), bad));
        assertTrue(e.getMessage().contains("Filename convention broken"), e.getMessage());
    }
}
