/*
 * CPU per row of the blosc column writer's shuffle alone (ColumnChunk.shuffled, package-private, reached by
 * reflection): one 8,192-row chunk of the corpus layout (4 float64, 2 int64 in runs, an 11-byte state in runs) is
 * shuffled in blocks of N rows 300 times per round, 8 rounds, thread CPU time per round. Round 0 includes the JIT.
 *   java -cp battdat-cli/target/battdat.jar bench/ColumnShuffleCpu.java 1024
 */
import io.battdat.api.data.*;
import java.lang.reflect.*;
import java.lang.management.ManagementFactory;

public class ColumnShuffleCpu {
    public static void main(String[] a) throws Exception {
        TableLayout layout = TableLayout.of(ColumnSpec.of("test_time", StorageType.FLOAT64),
            ColumnSpec.of("current", StorageType.FLOAT64), ColumnSpec.of("voltage", StorageType.FLOAT64),
            ColumnSpec.of("temperature", StorageType.FLOAT64), ColumnSpec.of("cycle_number", StorageType.INT64),
            ColumnSpec.of("step_index", StorageType.INT64), ColumnSpec.string("state", 11));
        int n = 8192;
        BatchBuffer b = BatchBuffer.allocate(layout, n);
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        String[] st = {"charging", "discharging", "resting"};
        for (int i = 0; i < n; i++) {
            ((DoubleColumn) b.column(0)).buffer()[i] = Math.rint(i * 10.0 + r.nextDouble()) / 1000;
            ((DoubleColumn) b.column(1)).buffer()[i] = Math.rint((1 + r.nextGaussian() * 1e-4) * 1e5) / 1e5;
            ((DoubleColumn) b.column(2)).buffer()[i] = Math.rint((3.5 + i * 1e-4 + r.nextGaussian() * 1e-4) * 1e5) / 1e5;
            ((DoubleColumn) b.column(3)).buffer()[i] = Math.rint((25 + r.nextGaussian() * 0.1) * 100) / 100;
            ((LongColumn) b.column(4)).buffer()[i] = i / 2000;
            ((LongColumn) b.column(5)).buffer()[i] = i / 500;
            byte[] s = st[(i / 700) % 3].getBytes();
            System.arraycopy(s, 0, ((StringColumn) b.column(6)).buffer(), i * 11, s.length);
        }
        b.setRowCount(n);
        Class<?> cc = Class.forName("io.battdat.hdf5.write.ColumnChunk");
        Constructor<?> k = cc.getDeclaredConstructor(TableLayout.class, int.class, int[].class);
        k.setAccessible(true);
        Object chunk = k.newInstance(layout, n, new int[]{0, 8, 16, 24, 32, 40, 48});
        Method copy = cc.getDeclaredMethod("copy", ColumnBatch.class, int.class, int.class, int.class, java.nio.file.Path.class, String.class, long.class);
        copy.setAccessible(true);
        copy.invoke(chunk, b, 0, n, 0, java.nio.file.Path.of("x"), "t", 0L);
        io.battdat.hdf5.ShuffledBlocksSource src = (io.battdat.hdf5.ShuffledBlocksSource) chunk;
        int block = Integer.parseInt(a[0]);
        byte[] dst = new byte[n * 59];
        var mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 8; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            long rows = 0;
            for (int rep = 0; rep < 300; rep++) {
                for (int f = 0; f + block <= n; f += block) { src.shuffled(f, block, dst, f * 59); rows += block; }
            }
            long t1 = mx.getCurrentThreadCpuTime();
            System.out.printf("round %d: %.1f ns/row (%.2f M rows per cpu-s)%n", round, (t1 - t0) / (double) rows, rows * 1e3 / (t1 - t0));
        }
    }
}
