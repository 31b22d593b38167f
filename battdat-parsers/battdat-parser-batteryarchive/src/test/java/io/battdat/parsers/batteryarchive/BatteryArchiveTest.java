package io.battdat.parsers.batteryarchive;

import io.battdat.api.BadFormatException;
import io.battdat.api.metadata.BatteryDescription;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.metadata.ElectrodeDescription;
import io.battdat.api.parse.ExportOptions;
import io.battdat.api.parse.ParseOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.parsers.csv.testing.Conversions;
import io.battdat.parsers.csv.testing.FormatTest;
import io.battdat.streaming.Battdat;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.battdat.parsers.csv.testing.Conversions.column;
import static io.battdat.parsers.csv.testing.Conversions.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatteryArchiveTest extends FormatTest {
    BatteryArchiveTest() {
        super("batteryarchive");
    }

    private static final String SERIES = "Date_Time,Test_Time (s),Cycle_Index,Current (A),Voltage (V),"
            + "Environment_Temperature (C),Cell_Temperature (C)\n";

    @Test
    void sampleFilesAreOneCell() {
        Path out = dir.resolve("ba.h5");
        var report = convert(out, ParseOptions.defaults().withZone(ZoneOffset.UTC),
                Conversions.shared("batteryarchive", "CALCE_CX2-33_prism_LCO_25C_0-100_0.5-0.5C_d_timeseries.csv"),
                Conversions.shared("batteryarchive", "CALCE_CX2-33_prism_LCO_25C_0-100_0.5-0.5C_d_cycle_data.csv"));
        assertEquals(Map.of("raw_data", 15L, "cycle_stats", 9L), report.cells().get(""));
        assertEquals(0L, column(out, "raw_data", "cycle_number").get(0));
        assertEquals(1283438140.0, column(out, "raw_data", "time").get(0)); // 2010-09-02 14:35:40 UTC
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), column(out, "cycle_stats", "cycle_number"));
    }

    @Test
    void timeSeriesVariants() {
        Path f = write(dir, "x_timeseries_data.csv", SERIES
                + "2020-01-01 00:00:00,0,1,0.0,3.5,,\n"
                + "2020-01-01 00:00:01.5,1.5,1.0,0.0,3.5,,\n"
                + "2020-01-01 00:00:02.123456,2.123456,2.0,1.0,3.6,,25.5\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("x.h5");
        convert(out, ParseOptions.defaults().withZone(ZoneOffset.UTC), f);
        assertEquals(List.of(1577836800.0, 1577836801.5, 1577836802.123456), column(out, "raw_data", "time"));
        assertEquals(List.of(0L, 0L, 1L), column(out, "raw_data", "cycle_number"));
        assertTrue(Double.isNaN((Double) column(out, "raw_data", "temperature").get(0)));
    }

    @Test
    void cycleDataThatIsNotPerCycleIsRefused() {
        Path f = write(dir, "y_cycle_data.csv", SERIES + "2020-01-01 00:00:00,0,1,0.0,3.5,,\n", StandardCharsets.UTF_8);
        BadFormatException e = assertThrows(BadFormatException.class,
                () -> convert(dir.resolve("y.h5"), f));
        assertTrue(e.getMessage().contains("not a BatteryArchive per-cycle table"), e.getMessage());
    }

    @Test
    void exportFollowsPythonsLayout() throws Exception {
        Path f = write(dir, "z_timeseries.csv", SERIES
                + "2024-07-01 00:00:00,0,1,0.5,3.5,,\n2024-07-01 00:00:01,1,1,0.5,3.6,,\n"
                + "2024-07-01 00:00:02,2,2,-0.5,3.4,,\n", StandardCharsets.UTF_8);
        Path h5 = dir.resolve("z.h5");
        convert(h5, ParseOptions.defaults().withZone(ZoneOffset.UTC), f);
        Path outDir = Files.createDirectory(dir.resolve("ba"));
        try (StoredDataset ds = Battdat.engine().open(h5)) {
            new BatteryArchiveExporter().export(ds, outDir, ExportOptions.defaults().withZone(ZoneOffset.UTC).withChunkRows(2));
        }
        List<String> part0 = Files.readAllLines(outDir.resolve("cycle-timeseries-0.csv"));
        List<String> part1 = Files.readAllLines(outDir.resolve("cycle-timeseries-1.csv"));
        assertEquals("i,v,env_temperature,date_time,cycle_index,test_time,cell_id", part0.get(0));
        assertEquals("0.5,3.5,,07/01/2024 00:00:00.000000,1,0.0,z", part0.get(1));
        assertEquals(3, part0.size(), "3 rows in 2 near-equal parts: 2 and 1");
        assertEquals(2, part1.size());
        assertTrue(Files.readString(outDir.resolve("metadata.json")).startsWith("{\"cell_id\": \"z\""));
    }

    @Test
    void metadataJsonAsPythonWritesIt() {
        BatteryMetadata m = BatteryMetadata.builder().name("c1").source("lab")
                .battery(BatteryDescription.builder().cathode(ElectrodeDescription.named("nmc")).build()).build();
        assertEquals("{\"cell_id\": \"c1\", \"cathode\": \"{\\\"name\\\":\\\"nmc\\\"}\", \"source\": \"lab\"}",
                BatteryArchiveExporter.metadataJson(m, "c1"));
    }
}
