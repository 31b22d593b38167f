import io.battdat.api.data.*;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.RawData;
import io.battdat.api.spi.*;
import io.battdat.hdf5.write.Hdf5FileWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.*;

/**
 * Process CPU seconds of writing 10M rows (50 prepared 2,000-row batches of the corpus layout, repeated) to a blosc:lz4
 * level-5 table, 4 times in one JVM: the first pass includes JIT warm-up. Run against two builds to compare the writer
 * alone, without generating rows: {@code java -cp battdat-cli/target/battdat.jar bench/BloscWriteCpu.java OUT.h5 5000}.
 */
public class BloscWriteCpu {
    public static void main(String[] a) throws Exception {
        TableLayout layout = TableLayout.of(ColumnSpec.of("test_time", StorageType.FLOAT64),
            ColumnSpec.of("current", StorageType.FLOAT64), ColumnSpec.of("voltage", StorageType.FLOAT64),
            ColumnSpec.of("temperature", StorageType.FLOAT64), ColumnSpec.of("cycle_number", StorageType.INT64),
            ColumnSpec.of("step_index", StorageType.INT64), ColumnSpec.string("state", 11));
        int n = 2000, batches = Integer.parseInt(a[1]);
        BatchBuffer[] bs = new BatchBuffer[50];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        String[] st = {"charging", "discharging", "resting"};
        for (int k = 0; k < bs.length; k++) {
            BatchBuffer b = BatchBuffer.allocate(layout, n);
            for (int i = 0; i < n; i++) {
                long row = (long) k * n + i;
                ((DoubleColumn) b.column(0)).buffer()[i] = Math.rint(row * 10.0 + r.nextDouble()) / 1000;
                ((DoubleColumn) b.column(1)).buffer()[i] = Math.rint((1 + r.nextGaussian() * 1e-4) * 1e5) / 1e5;
                ((DoubleColumn) b.column(2)).buffer()[i] = Math.rint((3.5 + i * 1e-4 + r.nextGaussian() * 1e-4) * 1e5) / 1e5;
                ((DoubleColumn) b.column(3)).buffer()[i] = Math.rint((25 + r.nextGaussian() * 0.1) * 100) / 100;
                ((LongColumn) b.column(4)).buffer()[i] = k;
                ((LongColumn) b.column(5)).buffer()[i] = i / 500;
                byte[] s = st[i / 700].getBytes();
                System.arraycopy(s, 0, ((StringColumn) b.column(6)).buffer(), i * 11, s.length);
            }
            b.setRowCount(n);
            bs[k] = b;
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int rep = 0; rep < 4; rep++) {
            Path out = Path.of(a[0]);
            Files.deleteIfExists(out);
            long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
            WriteOptions o = WriteOptions.builder(BatteryMetadata.defaults()).compression(5, "blosc:lz4").build();
            try (Hdf5FileWriter w = Hdf5FileWriter.create(out, o)) {
                TableSink t = w.createTable("raw_data", layout, new RawData(), (long) n * batches);
                for (int k = 0; k < batches; k++) t.append(bs[k % bs.length], 0, n);
            }
            long c1 = os.getProcessCpuTime(), t1 = System.nanoTime();
            System.out.printf("rep %d: %d rows, cpu %.3f s, wall %.3f s, %.1f M rows per cpu-s%n", rep, (long) n * batches,
                (c1 - c0) / 1e9, (t1 - t0) / 1e9, n * (double) batches / ((c1 - c0) / 1e3));
        }
    }
}
