package io.battdat.api.dataset;

import io.battdat.api.KeyNotFoundException;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.Batches;
import io.battdat.api.schema.ColumnInfo;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.schema.CycleLevelData;
import io.battdat.api.schema.EISData;
import io.battdat.api.schema.RawData;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dataset container (spec 4.8): schema checks, make_cell_dataset, validate's recommendations. */
class BatteryDatasetTest {

    @Test
    void everyTableNeedsASchema() {
        ColumnBatch raw = Batches.raw().build();
        Map<String, ColumnBatch> tables = new LinkedHashMap<>();
        tables.put("raw_data", raw);
        tables.put("extra_table", raw);
        SchemaViolationException e = assertThrows(SchemaViolationException.class,
                () -> new BatteryDataset(BatteryMetadata.defaults(), Map.of(), tables));
        assertEquals("Missing schema for some datasets: raw_data, extra_table", e.getRawMessage());
        BatteryDataset unchecked = new BatteryDataset(null, Map.of(), tables, false);
        assertEquals(BatteryMetadata.defaults(), unchecked.metadata());
        assertEquals(2, unchecked.size());
        unchecked.validateColumns(false); // nothing has a schema, nothing is checked
    }

    @Test
    void makeCellDatasetGivesTheStandardSchemas() {
        ColumnBatch raw = Batches.raw().build();
        ColumnBatch cycles = Batches.of().with("cycle_number", new long[]{0, 1}).build();
        BatteryDataset ds = BatteryDataset.makeCellDataset(BatteryMetadata.defaults().withName("cell"), raw, cycles,
                null, null, null);
        assertInstanceOf(RawData.class, ds.schemas().get("raw_data"));
        assertInstanceOf(CycleLevelData.class, ds.schemas().get("cycle_stats"));
        assertInstanceOf(EISData.class, ds.schemas().get("eis_data"));
        assertTrue(ds.contains("raw_data") && ds.contains("cycle_stats"));
        assertFalse(ds.contains("eis_data"));
        assertEquals("cell", ds.metadata().name());
        assertEquals(List.of(), ds.validate());
        assertTrue(assertThrows(KeyNotFoundException.class, () -> ds.table("eis_data")).getMessage()
                .contains("No such table or attribute: eis_data"));

        SchemaViolationException e = assertThrows(SchemaViolationException.class, () -> BatteryDataset
                .makeCellDataset(null, raw, null, null, null, Map.of("other", raw)));
        assertEquals("Missing schema for some datasets: other", e.getRawMessage());
        BatteryDataset withOther = BatteryDataset.makeCellDataset(null, raw, null, null,
                Map.of("other", new RawData()), Map.of("other", raw));
        assertEquals(2, withOther.size());
    }

    @Test
    void validateRecommendsDescribingUnknownColumns() {
        ColumnBatch raw = Batches.raw().with("other", new double[]{1, 2, 3}).build();
        BatteryDataset ds = BatteryDataset.ofCell(BatteryMetadata.defaults(), Map.of("raw_data", raw), Map.of());
        assertEquals(List.of("Undefined column, other, in raw_data. Add a description into "
                + "schemas.raw_data.extra_columns"), ds.validate());
        SchemaViolationException e = assertThrows(SchemaViolationException.class, () -> ds.validateColumns(false));
        assertEquals("raw_data: Dataset contains extra columns: other", e.getMessage());

        ColumnSchema described = new RawData().withExtraColumn("other", ColumnInfo.of("described"));
        BatteryDataset fixed = BatteryDataset.ofCell(null, Map.of("raw_data", raw), Map.of("raw_data", described));
        assertEquals(List.of(), fixed.validate());
        fixed.validateColumns(false);
    }

    @Test
    void validateColumnsNamesTheTable() {
        ColumnBatch badCycles = Batches.of().with("cycle_number", new long[]{1, 0}).build();
        BatteryDataset ds = BatteryDataset.makeCellDataset(null, Batches.raw().build(), badCycles, null, null, null);
        SchemaViolationException e = assertThrows(SchemaViolationException.class, ds::validate);
        assertEquals("cycle_stats", e.table());
        assertEquals(1, e.row());
        assertEquals("Column cycle_number is not monotonically increasing", e.getRawMessage());

        ColumnBatch eis = Batches.of().with("test_id", new long[]{0}).with("frequency", new double[]{1})
                .with("z_real", new double[]{1}).with("z_imag", new double[]{1}).with("z_mag", new double[]{1})
                .with("z_phase", new double[]{0}).build();
        BatteryDataset withEis = BatteryDataset.makeCellDataset(null, null, null, eis, null, null);
        e = assertThrows(SchemaViolationException.class, () -> withEis.validateColumns(true));
        assertEquals("eis_data: Polar and cartesian forms of impedance disagree for imag component. "
                + "Largest difference: 100000000.0%", e.getMessage());
    }
}
