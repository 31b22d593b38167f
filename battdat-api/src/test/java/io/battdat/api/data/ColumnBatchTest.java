package io.battdat.api.data;

import io.battdat.api.InvalidUseException;
import io.battdat.api.SchemaViolationException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read-only batch a stream hands out, and the buffer its producer fills. */
class ColumnBatchTest {
    private static final TableLayout LAYOUT = TableLayout.of(ColumnSpec.of("current", StorageType.FLOAT64),
            ColumnSpec.of("cycle_number", StorageType.INT64), ColumnSpec.string("state", 11));

    private static BatchBuffer filled(int capacity, int rows) {
        BatchBuffer b = BatchBuffer.allocate(LAYOUT, capacity);
        double[] current = b.doubles("current").buffer();
        long[] cycle = b.longs("cycle_number").buffer();
        for (int r = 0; r < rows; r++) {
            current[r] = r * 0.5;
            cycle[r] = r / 3;
        }
        b.setRowCount(rows);
        return b;
    }

    @Test
    void valuesAreExactlyTheBatchsRowsWhileTheBufferIsTheWholeArray() {
        BatchBuffer b = filled(65_536, 5);
        assertEquals(5, b.doubles("current").rowCount());
        assertArrayEquals(new double[]{0, 0.5, 1, 1.5, 2}, b.doubles("current").values());
        assertArrayEquals(new long[]{0, 0, 0, 1, 1}, b.longs("cycle_number").values());
        assertEquals(5, b.strings("state").values().length);
        assertEquals(65_536, b.doubles("current").buffer().length);
        double sum = 0;
        for (double c : b.doubles("current").values()) {
            sum += c;
        }
        assertEquals(5.0, sum);
    }

    @Test
    void rowCountFollowsClearAndAppend() {
        BatchBuffer b = filled(16, 4);
        BatchBuffer gathered = BatchBuffer.allocate(LAYOUT, 2);
        gathered.appendRows(b, 1, 4);
        gathered.appendRows(b, 0, 4);
        assertEquals(7, gathered.rowCount());
        assertEquals(7, gathered.doubles("current").values().length);
        assertArrayEquals(new double[]{0.5, 1, 1.5, 0, 0.5, 1, 1.5}, gathered.doubles("current").values());
        gathered.clear();
        assertEquals(0, gathered.doubles("current").values().length);
        ColumnBatch copy = b.copy();
        assertEquals(4, copy.longs("cycle_number").values().length);
    }

    @Test
    void everyColumnKindGrowsCopiesAndBoxesItsOwnType() {
        TableLayout kinds = TableLayout.of(ColumnSpec.of("f64", StorageType.FLOAT64),
                ColumnSpec.of("f32", StorageType.FLOAT32), ColumnSpec.of("u64", StorageType.UINT64),
                ColumnSpec.of("flag", StorageType.BOOL), ColumnSpec.string("s", 3),
                ColumnSpec.builder("pair", StorageType.FLOAT64).shape(new int[]{2}).build());
        BatchBuffer b = BatchBuffer.allocate(kinds, 1);
        b.doubles("f64").buffer()[0] = -2.5;
        ((FloatColumn) b.column("f32")).buffer()[0] = 1.75f;
        b.longs("u64").buffer()[0] = -1L;
        ((BooleanColumn) b.column("flag")).buffer()[0] = true;
        b.strings("s").buffer()[0] = 'a';
        b.doubles("pair").buffer()[1] = 4;
        b.setRowCount(1);
        BatchBuffer gathered = BatchBuffer.allocate(kinds, 0);
        for (int i = 0; i < 40; i++) {
            gathered.appendRows(b, 0, 1);
        }
        assertEquals(40, gathered.rowCount());
        assertTrue(gathered.capacity() >= 40);
        assertEquals(-2, gathered.doubles("f64").getLong(39));
        assertEquals(1, ((FloatColumn) gathered.column("f32")).getLong(39));
        assertEquals(1, ((BooleanColumn) gathered.column("flag")).getLong(39));
        assertEquals(1.75f, ((FloatColumn) gathered.column("f32")).getObject(39));
        assertEquals(new java.math.BigInteger("18446744073709551615"), gathered.longs("u64").getObject(39));
        assertEquals(Boolean.TRUE, ((BooleanColumn) gathered.column("flag")).getObject(39));
        assertEquals("a", gathered.strings("s").getObject(39));
        assertArrayEquals(new double[]{0, 4}, (double[]) gathered.doubles("pair").getObject(39));
        assertEquals(80, gathered.doubles("pair").values().length);
        assertEquals(40, ((FloatColumn) gathered.column("f32")).values().length);
        assertThrows(InvalidUseException.class, () -> gathered.copyColumnRows(b, 0, 0, 0, 2));
        assertThrows(InvalidUseException.class, () -> gathered.copyColumnRows(gathered, 0, 0, 1_000_000, 1));
        BatchBuffer other = BatchBuffer.allocate(TableLayout.of(ColumnSpec.of("x", StorageType.FLOAT32)), 1);
        assertThrows(InvalidUseException.class, () -> gathered.copyColumnRows(other, 0, 0, 0, 1));
    }

    @Test
    void theReadOnlyViewHasNoMutators() {
        Set<String> mutators = Set.of("setRowCount", "setFirstRow", "clear", "ensureCapacity", "appendRows",
                "copyColumnRows");
        for (Method m : ColumnBatch.class.getMethods()) {
            if (m.getDeclaringClass() == ColumnBatch.class) {
                assertFalse(mutators.contains(m.getName()), "ColumnBatch." + m.getName() + " is a producer's mutator");
            }
        }
        for (Class<?> column : new Class<?>[]{Column.class, DoubleColumn.class, FloatColumn.class, LongColumn.class,
                BooleanColumn.class, StringColumn.class}) {
            for (Method m : column.getMethods()) {
                assertFalse(Set.of("ensureCapacity", "copyRows").contains(m.getName())
                        && Modifier.isPublic(m.getModifiers()), column.getSimpleName() + "." + m.getName());
            }
        }
        assertTrue(Arrays.stream(Row.class.getMethods()).noneMatch(m -> m.getName().equals("attach")));
    }

    @Test
    void wrongTypesAndRowCountsAreBattdatErrors() {
        BatchBuffer b = filled(4, 2);
        assertThrows(SchemaViolationException.class, () -> b.longs("current"));
        assertThrows(InvalidUseException.class, () -> b.setRowCount(5));
        assertThrows(InvalidUseException.class, () -> b.appendRows(
                BatchBuffer.allocate(TableLayout.of(ColumnSpec.of("x", StorageType.FLOAT64)), 1), 0, 1));
        Row row = b.row().moveTo(1);
        assertSame(b, row.batch());
        assertEquals(0.5, row.getDouble("current"));
    }
}
