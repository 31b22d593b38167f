package io.battdat.api.schema;

import io.battdat.api.InvalidUseException;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.StorageType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation (spec 4.6, 4.7): Python's algorithm and message texts, whole tables and streamed batches. */
class SchemaValidatorTest {
    private static final RawData RAW = new RawData();

    private static String message(ColumnSchema schema, Batches b, boolean allowExtra) {
        return assertThrows(SchemaViolationException.class, () -> schema.validate(b.build(), allowExtra))
                .getRawMessage();
    }

    @Test
    void aValidTablePasses() {
        RAW.validate(Batches.raw().build(), false);
        RAW.validate(Batches.raw().with("state", new String[]{"charging", "resting", "discharging"})
                .with("method", new String[]{"rest", "constant_current", "pulse"})
                .with("cycle_number", new long[]{0, 0, 1}).with("file_number", StorageType.UINT8, 0, 0, 1)
                .with("temperature", new float[]{20, 21, 19}).build(), false);
    }

    @Test
    void missingRequiredColumns() {
        assertEquals("Dataset is missing a required column: test_time", message(RAW, Batches.of(), true));
        assertEquals("Dataset is missing a required column: voltage",
                message(RAW, Batches.raw().without("voltage"), true));
        assertEquals("Dataset is missing a required column: test_time",
                message(RAW, Batches.of().with("voltage", new double[]{1}), true));
    }

    @Test
    void extraColumns() {
        Batches extra = Batches.raw().with("extra", new double[]{1, 2, 3}).with("more", new long[]{1, 2, 3});
        RAW.validate(extra.build(), true);
        assertEquals("Dataset contains extra columns: extra more", message(RAW, extra, false));
        ColumnSchema described = RAW.withExtraColumn("extra", ColumnInfo.of("an extra column"))
                .withExtraColumn("more", ColumnInfo.of("another"));
        described.validate(extra.build(), false);
    }

    @Test
    void dtypeMessagesUseNumpyNames() {
        assertEquals("Column temperature is a int64 and not a floating point number",
                message(RAW, Batches.raw().with("temperature", new long[]{1, 2, 3}), true));
        assertEquals("Column voltage is a object and not a floating point number",
                message(RAW, Batches.raw().with("voltage", new String[]{"a", "b", "c"}), true));
        assertEquals("Column current is a bool and not a floating point number",
                message(RAW, Batches.raw().with("current", new boolean[]{true, false, true}), true));
        assertEquals("Column file_number is a float64 and not an integer",
                message(RAW, Batches.raw().with("file_number", new double[]{0.1, 0.2, 0.3}), true));
        assertEquals("Column cycle_number is a float32 and not an integer",
                message(RAW, Batches.raw().with("cycle_number", new float[]{0, 1, 2}), true));
        assertEquals("Column step_index is a bool and not an integer",
                message(RAW, Batches.raw().with("step_index", new boolean[]{true, false, true}), true));
        assertEquals("Column temperature is a uint16 and not a floating point number",
                message(RAW, Batches.raw().with("temperature", StorageType.UINT16, 1, 2, 3), true));
        assertEquals("int32", SchemaValidator.numpyName(io.battdat.api.data.ColumnSpec.of("x", StorageType.INT32)));
        assertEquals("complex128",
                SchemaValidator.numpyName(io.battdat.api.data.ColumnSpec.of("x", StorageType.COMPLEX128)));
    }

    @Test
    void enumValueMessagesArePythons() {
        assertEquals("Column state contains values not in <enum 'ChargingState'>: {'flying'}",
                message(RAW, Batches.raw().with("state", new String[]{"charging", "flying", "hold"}), true));
        assertEquals("Column state contains values not in <enum 'ChargingState'>: {1, 2}",
                message(RAW, Batches.raw().with("state", new long[]{2, 1, 2}), true));
        assertEquals("Column method contains values not in <enum 'ControlMethod'>: {'bad', \"it's\"}",
                message(RAW, Batches.raw().with("method", new String[]{"bad", "rest", "it's"}), true));
        assertEquals("Column method contains values not in <enum 'ControlMethod'>: {0.5, 1.0}",
                message(RAW, Batches.raw().with("method", new double[]{1, 0.5, 1}), true));
    }

    @Test
    void monotonicColumns() {
        assertEquals("Column test_time is not monotonically increasing",
                message(RAW, Batches.raw().with("test_time", new double[]{2, 1, 3}), true));
        assertEquals("Column test_time is not monotonically increasing",
                message(RAW, Batches.raw().with("test_time", new double[]{0, Double.NaN, 3}), true));
        assertEquals("Column cycle_number is not monotonically increasing",
                message(RAW, Batches.raw().with("cycle_number", new long[]{1, 1, 0}), true));
        // equal values pass; long values are compared exactly, not as doubles
        RAW.validate(Batches.raw().with("cycle_number", new long[]{1, 1, 1}).build(), true);
        assertEquals("Column cycle_number is not monotonically increasing",
                message(RAW, Batches.raw().with("cycle_number", new long[]{0, (1L << 53) + 1, 1L << 53}), true));
        SchemaViolationException e = assertThrows(SchemaViolationException.class,
                () -> RAW.validate(Batches.raw().with("test_time", new double[]{0, 2, 1}).build(), true));
        assertEquals(2, e.row());
    }

    @Test
    void otherColumnsAreNeverChecked() {
        ColumnSchema schema = RAW.withExtraColumn("counter", "a counter", ColumnType.OTHER, false, null, true);
        schema.validate(Batches.raw().with("counter", new double[]{3, 2, 1}).build(), false);
        ColumnSchema checked = RAW.withExtraColumn("counter", "a counter", ColumnType.FLOAT, false, null, true);
        assertEquals("Column counter is not monotonically increasing",
                message(checked, Batches.raw().with("counter", new double[]{3, 2, 1}), false));
    }

    @Test
    void columnsAreCheckedOneAfterTheOtherInSchemaOrder() {
        // test_time comes before voltage in RawData: its monotonic failure is reported before voltage's absence
        assertEquals("Column test_time is not monotonically increasing",
                message(RAW, Batches.raw().with("test_time", new double[]{2, 1, 0}).without("voltage"), true));
        // state comes before test_time
        assertEquals("Column state contains values not in <enum 'ChargingState'>: {'x'}", message(RAW, Batches.raw()
                .with("test_time", new double[]{2, 1, 0}).with("state", new String[]{"x", "x", "x"}), true));
        // extra columns are reported before anything else
        assertEquals("Dataset contains extra columns: z",
                message(RAW, Batches.of().with("z", new double[]{1}), false));
    }

    @Test
    void monotonicStateSpansBatches() {
        SchemaValidator v = new SchemaValidator(new CycleLevelData(), true, "cycle_stats");
        v.accept(Batches.of().with("cycle_number", new long[]{0, 1, 2}).build());
        v.accept(Batches.of().with("cycle_number", new long[]{2, 3}).build());
        assertEquals(5, v.rowsChecked());
        SchemaViolationException e = assertThrows(SchemaViolationException.class,
                () -> v.accept(Batches.of().with("cycle_number", new long[]{1}).build()));
        assertEquals(5, e.row());
        assertEquals("cycle_stats", e.table());
        assertEquals("cycle_stats: row 5: Column cycle_number is not monotonically increasing", e.getMessage());
    }

    @Test
    void monotonicStateSurvivesALayoutChange() {
        SchemaValidator v = new SchemaValidator(RAW, true, "raw_data");
        v.accept(Batches.raw().build());
        // same columns in another order, plus one: the last test_time (1.0) is still remembered
        ColumnBatch reordered = Batches.of().with("current", new double[]{0}).with("voltage", new double[]{3})
                .with("temperature", new double[]{25}).with("test_time", new double[]{0.5}).build();
        SchemaViolationException e = assertThrows(SchemaViolationException.class, () -> v.accept(reordered));
        assertEquals(3, e.row());
        assertEquals("Column test_time is not monotonically increasing", e.getRawMessage());
    }

    @Test
    void streamingChecksEachBatchLikeAWholeTable() {
        SchemaValidator v = new SchemaValidator(RAW, false, "raw_data");
        v.accept(Batches.raw().build());
        v.accept(Batches.raw().with("test_time", new double[]{1, 2, 3}).build());
        assertEquals("Column state contains values not in <enum 'ChargingState'>: {'nope'}",
                assertThrows(SchemaViolationException.class, () -> v.accept(Batches.raw()
                        .with("test_time", new double[]{4, 5, 6}).with("state", new String[]{"charging", "nope",
                                "charging"}).build())).getRawMessage());
        SchemaValidator w = new SchemaValidator(RAW, false, "raw_data");
        w.accept(Batches.raw().build());
        assertEquals("Dataset contains extra columns: x", assertThrows(SchemaViolationException.class,
                () -> w.accept(Batches.raw().with("test_time", new double[]{1, 2, 3}).with("x", new double[]{0, 0, 0})
                        .build())).getRawMessage());
        w.finish();
        assertThrows(InvalidUseException.class, () -> w.accept(Batches.raw().build()));
    }

    private static Batches eis(double[] real, double[] imag, double[] mag, double[] phase) {
        long[] ids = new long[real.length];
        double[] freq = new double[real.length];
        return Batches.of().with("test_id", ids).with("frequency", freq).with("z_real", real).with("z_imag", imag)
                .with("z_mag", mag).with("z_phase", phase);
    }

    @Test
    void eisPolarAndCartesianMustAgree() {
        double r2 = Math.sqrt(2);
        EISData schema = new EISData();
        schema.validate(eis(new double[]{1, 0.5}, new double[]{1, 0.5}, new double[]{r2, r2 / 2},
                new double[]{45, 45}).build(), true);
        assertEquals("Polar and cartesian forms of impedance disagree for imag component. Largest difference: 100.0%",
                message(schema, eis(new double[]{1, 0.5}, new double[]{2, 1}, new double[]{r2, r2 / 2},
                        new double[]{45, 45}), true));
        assertEquals("Polar and cartesian forms of impedance disagree for real component. Largest difference: 100.0%",
                message(schema, eis(new double[]{2, 1}, new double[]{2, 1}, new double[]{r2, r2 / 2},
                        new double[]{45, 45}), true));
        assertEquals("Polar and cartesian forms of impedance disagree for real component. Largest difference: 50.0%",
                message(schema, eis(new double[]{1.5}, new double[]{0}, new double[]{1}, new double[]{0}), true));
        // NaN rows are skipped, as pandas' max does
        schema.validate(eis(new double[]{1, Double.NaN}, new double[]{0, 0}, new double[]{1, 1},
                new double[]{0, 0}).build(), true);
        // the extra column keeps the EIS check
        ColumnSchema extended = schema.withExtraColumn("note", ColumnInfo.of("a note"));
        assertTrue(assertThrows(SchemaViolationException.class, () -> extended.validate(eis(new double[]{1},
                new double[]{2}, new double[]{1}, new double[]{0}).build(), true)).getRawMessage()
                .contains("imag component"));
    }

    @Test
    void eisCheckRunsOverTheWholeStreamAtFinish() {
        SchemaValidator v = new SchemaValidator(new EISData(), true, "eis_data");
        v.accept(eis(new double[]{1.2}, new double[]{0}, new double[]{1}, new double[]{0}).build());
        v.accept(eis(new double[]{1.5}, new double[]{0}, new double[]{1}, new double[]{0}).build());
        SchemaViolationException e = assertThrows(SchemaViolationException.class, v::finish);
        assertEquals("eis_data: Polar and cartesian forms of impedance disagree for real component. "
                + "Largest difference: 50.0%", e.getMessage());
        assertDoesNotThrow(v::finish);
    }

    @Test
    void pythonStringRepr() {
        assertEquals("'abc'", SchemaValidator.pythonStr("abc"));
        assertEquals("\"it's\"", SchemaValidator.pythonStr("it's"));
        assertEquals("'both \\' and \"'", SchemaValidator.pythonStr("both ' and \""));
        assertEquals("'a\\nb'", SchemaValidator.pythonStr("a\nb"));
    }
}
