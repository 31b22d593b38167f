package io.battdat.parsers.biologic;

import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.parse.ParseContext;
import io.battdat.parsers.biologic.MprColumns.Column;
import io.battdat.parsers.biologic.MprColumns.ValueType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams the rows of an {@code .mpr} data module into a {@link RowSink}: the rows are fixed-size records described
 * by the module's column-id list, read a chunk at a time into one reused buffer.
 *
 * @param skipUnknown whether columns of unknown id are skipped (by their width) instead of refused
 */
record MprReader(Path file, ParseContext context, boolean skipUnknown) {
    /** Bytes read per chunk (rounded to whole rows). */
    private static final int CHUNK_BYTES = 1 << 20;
    /** No EC-Lab row is near this size; a larger one inferred from a damaged file is refused. */
    private static final int MAX_ROW_BYTES = 1 << 16;

    /** A value of the row: where it sits in the record and how it is stored. */
    private record Field(Column column, int offset) {
    }

    /** Reads the file; returns its facts (for metadata) after the rows were written. */
    MprFile read() {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MprFile mpr = MprFile.open(file, ch);
            stream(mpr, ch);
            return mpr;
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(file, RowSink.RAW), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads only the module headers and facts (for metadata); no rows. */
    static MprFile describe(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return MprFile.open(file, ch);
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(file), "cannot read: " + e.getMessage(), e);
        }
    }

    private void stream(MprFile mpr, FileChannel ch) throws IOException {
        MprFile.Module data = mpr.data;
        if (data.length() < 5) {
            throw mpr.bad("data module of " + data.length() + " bytes: too short for its row count and column count");
        }
        ByteBuffer head = mpr.read(ch, data.dataOffset(), 5, "the data module header");
        long rows = Integer.toUnsignedLong(head.getInt(0));
        int columnCount = head.get(4) & 0xFF;
        int[] ids = new int[columnCount];
        long rowsOffset;
        if (data.version() == 2 || data.version() == 3) {
            ByteBuffer b = idBytes(mpr, ch, data, 2 * columnCount);
            for (int k = 0; k < columnCount; k++) {
                ids[k] = b.getShort(2 * k) & 0xFFFF;
            }
            rowsOffset = data.version() == 2 ? 0x195 : 0x196;
        } else if (data.version() == 0) {
            // Version 0 comes in two layouts: one-byte ids with rows at 100, or (EC-Lab 11.50 and later)
            // big-endian two-byte ids with rows at 1007; the first id byte tells them apart.
            ByteBuffer first = idBytes(mpr, ch, data, 1);
            if (first.get(0) != 0) {
                ByteBuffer b = idBytes(mpr, ch, data, columnCount);
                for (int k = 0; k < columnCount; k++) {
                    ids[k] = b.get(k) & 0xFF;
                }
                rowsOffset = 100;
            } else {
                ByteBuffer b = idBytes(mpr, ch, data, 2 * columnCount).order(ByteOrder.BIG_ENDIAN);
                for (int k = 0; k < columnCount; k++) {
                    ids[k] = b.getShort(2 * k) & 0xFFFF;
                }
                rowsOffset = 1007;
            }
        } else {
            throw mpr.bad("unknown data module version " + data.version() + " (this reader knows versions 0, 2 and "
                    + "3); the file may come from a newer EC-Lab");
        }
        if (rowsOffset > data.length()) {
            throw mpr.bad("truncated: data module of " + data.length() + " bytes ends before its rows (offset "
                    + rowsOffset + ")");
        }
        long available = data.length() - rowsOffset;
        List<Field> fields = new ArrayList<>();
        int rowSize = layout(mpr, ids, rows, available, fields);
        Roles roles = new Roles(fields);
        if (roles.time == null) {
            throw mpr.bad("no time/s column (id 4) among the column ids " + Arrays.toString(ids));
        }
        if (roles.voltage == null) {
            throw mpr.bad("no voltage column (Ewe/V, id 6, or <Ewe>/V, id 77/174) among the column ids "
                    + Arrays.toString(ids));
        }
        RowSink.CurrentSource source = roles.current != null ? RowSink.CurrentSource.MEASURED
                : roles.charge != null ? RowSink.CurrentSource.FROM_CHARGE : RowSink.CurrentSource.NONE;
        if (source == RowSink.CurrentSource.NONE) {
            context.warn(file + ": no current column (I/mA, <I>/mA or dq/mA.h): current is NaN");
        }
        RowSink sink = new RowSink(context, source, roles.temperature != null, roles.impedance());
        long start = data.dataOffset() + rowsOffset;
        int rowsPerChunk = Math.max(1, CHUNK_BYTES / Math.max(1, rowSize));
        ByteBuffer buf = ByteBuffer.allocate(rowsPerChunk * rowSize).order(ByteOrder.LITTLE_ENDIAN);
        long[] loops = mpr.loopStarts;
        int nextLoop = 1;
        long loop = 0;
        long row = 0;
        while (row < rows) {
            int n = (int) Math.min(rowsPerChunk, rows - row);
            buf.clear().limit(n * rowSize);
            long at = start + row * rowSize;
            while (buf.hasRemaining()) {
                if (ch.read(buf, at + buf.position()) < 0) {
                    throw mpr.bad("truncated: the file ended in row " + (row + buf.position() / rowSize));
                }
            }
            for (int r = 0; r < n; r++) {
                int base = r * rowSize;
                while (nextLoop < loops.length && loops[nextLoop] <= row + r) {
                    nextLoop++;
                    loop++;
                }
                sink.time = value(buf, base, roles.time);
                sink.voltage = value(buf, base, roles.voltage);
                if (roles.current != null) {
                    sink.currentMilliAmps = value(buf, base, roles.current);
                } else if (roles.charge != null) {
                    sink.chargeMilliAmpHours = value(buf, base, roles.charge);
                }
                sink.cycle = roles.cycle != null ? (long) value(buf, base, roles.cycle) : 0;
                sink.loop = loop;
                if (roles.temperature != null) {
                    sink.temperature = value(buf, base, roles.temperature);
                }
                if (roles.impedance()) {
                    sink.frequency = value(buf, base, roles.frequency);
                    sink.zReal = value(buf, base, roles.real);
                    sink.minusZImag = value(buf, base, roles.minusImag);
                }
                sink.commit();
            }
            row += n;
            context.progress((long) n * rowSize);
        }
        sink.finish();
        if (sink.zeroTimeSteps() > 0) {
            context.warn(file + ": " + sink.zeroTimeSteps() + " row(s) repeat the previous time; their current, "
                    + "derived from dq/mA.h over the time step, is set to 0");
        }
    }

    private static ByteBuffer idBytes(MprFile mpr, FileChannel ch, MprFile.Module data, int bytes) throws IOException {
        if (5L + bytes > data.length()) {
            throw mpr.bad("truncated: data module of " + data.length() + " bytes cannot hold its column ids");
        }
        return mpr.read(ch, data.dataOffset() + 5, bytes, "the column ids");
    }

    /**
     * Places each column in the record; returns the record size. Unknown ids fail, unless they are skipped, in which
     * case their width comes from the module's size (rows times record size).
     */
    private int layout(MprFile mpr, int[] ids, long rows, long available, List<Field> fields) {
        List<Integer> unknownPositions = new ArrayList<>();
        List<Column> order = new ArrayList<>();
        boolean flagsPlaced = false;
        for (int k = 0; k < ids.length; k++) {
            Column c = MprColumns.resolve(ids[k], ids);
            if (c == null) {
                if (!skipUnknown) {
                    throw mpr.bad("unknown column id " + ids[k] + " (column " + (k + 1) + " of " + ids.length
                            + ", ids " + Arrays.toString(ids) + "); convert with --skip-unknown-columns "
                            + "(the setting skip-unknown-columns=true) to leave it out");
                }
                unknownPositions.add(order.size());
                order.add(null);
            } else if (c.type() == ValueType.FLAG) {
                if (!flagsPlaced) {
                    order.add(c); // the one flags byte sits where the first flag id is
                    flagsPlaced = true;
                } else {
                    fields.add(new Field(c, -1)); // shares the byte; offset fixed below
                }
            } else {
                order.add(c);
            }
        }
        int known = 0;
        for (Column c : order) {
            if (c != null) {
                known += c.type() == ValueType.FLAG ? 1 : c.type().bytes;
            }
        }
        int rowSize;
        int[] unknownWidth = new int[unknownPositions.size()];
        if (unknownPositions.isEmpty()) {
            rowSize = known;
            if (rowSize == 0) {
                throw mpr.bad("data module with no columns");
            }
            if (rows > available / rowSize) {
                throw mpr.bad("truncated: the data module declares " + rows + " rows of " + rowSize + " bytes but "
                        + "holds " + available + " bytes of rows");
            }
        } else {
            if (rows == 0) {
                rowSize = known; // nothing to read: the widths do not matter
            } else {
                if (available % rows != 0 || available / rows > MAX_ROW_BYTES || available / rows <= known) {
                    throw mpr.bad("cannot skip the unknown column id(s) " + unknownIds(ids) + ": the data module's "
                            + available + " bytes of rows do not divide into " + rows + " rows larger than the "
                            + known + " bytes of the known columns");
                }
                rowSize = (int) (available / rows);
                int rest = rowSize - known;
                if (unknownPositions.size() == 1) {
                    unknownWidth[0] = rest;
                } else if (rest == 4 * unknownPositions.size()) {
                    Arrays.fill(unknownWidth, 4); // most EC-Lab values are 4-byte floats
                } else {
                    throw mpr.bad("cannot skip the unknown column ids " + unknownIds(ids) + ": their " + rest
                            + " bytes per row cannot be split between them");
                }
            }
            context.warn(file + ": skipped unknown column id(s) " + unknownIds(ids) + " (" + (rowSize - known)
                    + " bytes per row)");
        }
        int offset = 0;
        int u = 0;
        int flagsOffset = -1;
        for (Column c : order) {
            if (c == null) {
                offset += unknownWidth[u++];
                continue;
            }
            if (c.type() == ValueType.FLAG) {
                flagsOffset = offset;
                fields.add(0, new Field(c, offset));
                offset += 1;
            } else {
                fields.add(new Field(c, offset));
                offset += c.type().bytes;
            }
        }
        for (int k = 0; k < fields.size(); k++) {
            Field f = fields.get(k);
            if (f.offset() < 0) {
                fields.set(k, new Field(f.column(), flagsOffset));
            }
        }
        return rowSize;
    }

    private static List<Integer> unknownIds(int[] ids) {
        List<Integer> out = new ArrayList<>();
        for (int id : ids) {
            if (MprColumns.get(id) == null) {
                out.add(id);
            }
        }
        return out;
    }

    private static double value(ByteBuffer b, int base, Field f) {
        int at = base + f.offset();
        return switch (f.column().type()) {
            case F4 -> b.getFloat(at);
            case F8 -> b.getDouble(at);
            case U1 -> b.get(at) & 0xFF;
            case U2 -> b.getShort(at) & 0xFFFF;
            case U4 -> Integer.toUnsignedLong(b.getInt(at));
            case FLAG -> (b.get(at) & f.column().mask()) >>> Integer.numberOfTrailingZeros(f.column().mask());
        };
    }

    /** The fields that battdat's columns come from. */
    private static final class Roles {
        Field time;
        Field voltage;
        Field current;
        Field charge;
        Field cycle;
        Field temperature;
        Field frequency;
        Field real;
        Field minusImag;

        Roles(List<Field> fields) {
            Field averageVoltage = null;
            Field averageCurrent = null;
            Field halfCycle = null;
            for (Field f : fields) {
                switch (f.column().name()) {
                    case "time/s" -> time = first(time, f);
                    case "Ewe/V" -> voltage = first(voltage, f);
                    case "<Ewe>/V" -> averageVoltage = first(averageVoltage, f);
                    case "I/mA" -> current = first(current, f);
                    case "<I>/mA" -> averageCurrent = first(averageCurrent, f);
                    case "dq/mA.h", "dQ/mA.h" -> charge = first(charge, f);
                    case "cycle number" -> cycle = first(cycle, f);
                    case "half cycle" -> halfCycle = first(halfCycle, f);
                    case "Temperature/°C" -> temperature = first(temperature, f);
                    case "freq/Hz" -> frequency = first(frequency, f);
                    case "Re(Z)/Ohm" -> real = first(real, f);
                    case "-Im(Z)/Ohm" -> minusImag = first(minusImag, f);
                    default -> { }
                }
            }
            voltage = voltage != null ? voltage : averageVoltage;
            current = current != null ? current : averageCurrent;
            cycle = cycle != null ? cycle : halfCycle;
        }

        private static Field first(Field kept, Field f) {
            return kept != null ? kept : f;
        }

        boolean impedance() {
            return frequency != null && real != null && minusImag != null;
        }
    }
}
