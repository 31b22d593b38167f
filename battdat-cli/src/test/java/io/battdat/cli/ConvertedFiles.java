package io.battdat.cli;

import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.schema.CycleLevelData;
import io.battdat.api.schema.EISData;
import io.battdat.api.schema.RawData;
import io.battdat.api.schema.SchemaValidator;
import io.battdat.streaming.BatchStream;
import io.battdat.streaming.Battdat;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks of a file written by {@code battdat convert}: its tables hold to their schemas, and PyTables reads it. */
final class ConvertedFiles {
    private static final Map<String, ColumnSchema> SCHEMAS = Map.of("raw_data", new RawData(), "cycle_stats",
            new CycleLevelData(), "eis_data", new EISData());

    private ConvertedFiles() {
    }

    /**
     * Validates every row of every table like Python's {@code validate_columns(allow_extra_columns=False)}, then
     * has PyTables read the file (skipped where PyTables is absent).
     *
     * @param describedExtrasAllowed whether extra columns the file describes (BatteryArchive's current extremes)
     *                               are allowed
     */
    static void assertValid(Path out, boolean describedExtrasAllowed) {
        var summary = Battdat.engine().inspect(out);
        for (String key : summary.schemas().keySet()) {
            ColumnSchema schema = SCHEMAS.get(key.substring(key.lastIndexOf('/') + 1));
            if (describedExtrasAllowed) {
                for (var e : summary.schemas().get(key).extraColumns().entrySet()) {
                    schema = schema.withExtraColumn(e.getKey(), e.getValue());
                }
            }
            SchemaValidator v = new SchemaValidator(schema, false, key);
            try (BatchStream batches = Battdat.engine().batches(out, key)) {
                while (batches.hasNext()) {
                    v.accept(batches.next());
                }
            }
            v.finish();
            assertTrue(v.rowsChecked() > 0, key);
        }
        Python.assertPyTablesReads(out);
    }
}
