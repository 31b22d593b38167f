package io.battdat.parquet;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.StorageType;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reads the pyarrow-written Parquet twin of an HDF5 example of the Python toolkit (../shared, never copied). */
class PythonFixtureTest {
    private static final String NAME = "single-resistor-complex-charge_from-discharged";

    private static Path fixture() {
        String shared = System.getProperty("battdat.shared");
        assumeTrue(shared != null, "battdat.shared is not set (run through Maven)");
        Path f = Path.of(shared, "fixtures", "battdat-examples", NAME + ".raw_data.parquet");
        assumeTrue(Files.isRegularFile(f), "fixture absent: " + f);
        return f;
    }

    @Test
    void readsThePyarrowFileAsTheHdf5TwinReads() {
        try (StoredDataset ds = new ParquetStreamReader().open(fixture())) {
            assertEquals("{\"version\":\"0.4.2\",\"is_measurement\":true}", ds.metadataJson());
            TableInfo t = ds.table("raw_data");
            assertEquals("/raw_data", t.path());
            assertEquals(3701, t.rows());
            assertEquals(List.of("test_time", "current", "voltage", "cycle_number"), t.layout().names());
            assertEquals(StorageType.INT64, t.layout().column(3).type());
            assertEquals(17, t.schema().columns().size());
            double time = 0;
            double voltage = 0;
            long rows = 0;
            double first = Double.NaN;
            double last = Double.NaN;
            try (TableCursor c = ds.openTable("raw_data", ReadOptions.builder().batchRows(1000).threads(1).prefetch(0).build())) {
                while (c.next()) {
                    ColumnBatch b = c.batch();
                    for (int r = 0; r < b.rowCount(); r++) {
                        time += b.column(0).getDouble(r);
                        voltage += b.column(2).getDouble(r);
                        last = b.column(2).getDouble(r);
                        if (rows == 0) {
                            first = last;
                        }
                        rows++;
                    }
                }
            }
            // expected.json beside the fixture (PyTables on the HDF5 twin)
            assertEquals(3701, rows);
            assertEquals(13693700.0, time, 1e-6);
            assertEquals(9249.322222222221, voltage, 1e-9);
            assertEquals(2.1, first, 0.0);
            assertEquals(1.9, last, 0.0);
        }
    }
}
