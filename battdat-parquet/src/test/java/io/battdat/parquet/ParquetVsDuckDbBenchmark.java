package io.battdat.parquet;

import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;

/**
 * Not a test: scans one Parquet table with this backend (batches with every column decoded, as {@code battdat bench
 * read --mode batches} does, then only the three summed columns) and with DuckDB's JDBC driver (every column of every
 * row fetched, then only the three summed columns), alternately, in one JVM, and prints rows/s and the checksums (which must agree). Run with the test class
 * path: {@code java -cp ... io.battdat.parquet.ParquetVsDuckDbBenchmark DIR_OR_FILE [rounds]}.
 */
public final class ParquetVsDuckDbBenchmark {
    private ParquetVsDuckDbBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path file = path.toFile().isDirectory() ? path.resolve("raw_data.parquet") : path;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            for (int round = 1; round <= rounds; round++) {
                report("battdat-parquet batches   ", round, battdat(path, ReadOptions.DEFAULT));
                report("battdat-parquet 3 columns ", round, battdat(path, ReadOptions.DEFAULT.withColumns(
                        java.util.List.of("current", "voltage", "cycle_number"))));
                report("duckdb jdbc SELECT *      ", round, duck(duck, "SELECT * FROM read_parquet('" + file + "')"));
                report("duckdb jdbc 3 columns     ", round, duck(duck, "SELECT current, voltage, cycle_number FROM "
                        + "read_parquet('" + file + "')"));
            }
        }
    }

    private record Result(long rows, double seconds, double current, double voltage, long cycles) {
    }

    private static void report(String what, int round, Result r) {
        System.out.printf("%s round %d: %,d rows in %.3f s = %.2f M rows/s; sums current %s voltage %s cycle %d%n",
                what, round, r.rows, r.seconds, r.rows / r.seconds / 1e6, r.current, r.voltage, r.cycles);
    }

    private static Result battdat(Path path, ReadOptions options) {
        long t0 = System.nanoTime();
        long rows = 0;
        double current = 0;
        double voltage = 0;
        long cycles = 0;
        try (StoredDataset ds = new ParquetStreamReader().open(path);
             TableCursor cursor = ds.openTable("raw_data", options)) {
            while (cursor.next()) {
                ColumnBatch b = cursor.batch();
                int n = b.rowCount();
                double[] c = ((DoubleColumn) b.column("current")).buffer();
                double[] v = ((DoubleColumn) b.column("voltage")).buffer();
                long[] k = ((LongColumn) b.column("cycle_number")).buffer();
                for (int i = 0; i < n; i++) {
                    current += c[i];
                    voltage += v[i];
                    cycles += k[i];
                }
                rows += n;
            }
        }
        return new Result(rows, (System.nanoTime() - t0) / 1e9, current, voltage, cycles);
    }

    private static Result duck(Connection duck, String query) throws Exception {
        long t0 = System.nanoTime();
        long rows = 0;
        double current = 0;
        double voltage = 0;
        long cycles = 0;
        long sink = 0;
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(query)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            int[] types = new int[n + 1];
            for (int i = 1; i <= n; i++) {
                types[i] = md.getColumnType(i);
            }
            int ci = rs.findColumn("current");
            int vi = rs.findColumn("voltage");
            int ki = rs.findColumn("cycle_number");
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    if (i == ci) {
                        current += rs.getDouble(i);
                    } else if (i == vi) {
                        voltage += rs.getDouble(i);
                    } else if (i == ki) {
                        cycles += rs.getLong(i);
                    } else if (types[i] == Types.DOUBLE || types[i] == Types.FLOAT || types[i] == Types.REAL) {
                        sink += (long) rs.getDouble(i);
                    } else if (types[i] == Types.VARCHAR) {
                        String t = rs.getString(i);
                        sink += t == null ? 0 : t.length();
                    } else {
                        sink += rs.getLong(i);
                    }
                }
                rows++;
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new Result(rows, (System.nanoTime() - t0) / 1e9, current, voltage, cycles);
    }
}
