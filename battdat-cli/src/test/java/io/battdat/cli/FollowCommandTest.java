package io.battdat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.streaming.HDF5Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code battdat follow} while a writer appends: its checksum equals the final file's; cycles come out whole. */
@Timeout(120)
class FollowCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Thread writer(Path file, int cycles) {
        Thread t = new Thread(() -> {
            CellSimulator sim = new CellSimulator(7, 500);
            BatchBuffer cycle = BatchBuffer.allocate(CellSimulator.LAYOUT, 600);
            try (HDF5Writer w = HDF5Writer.builder(file).metadata(BatteryMetadata.defaults().withName("live"))
                    .complevel(3).open()) {
                for (int c = 0; c < cycles; c++) {
                    sim.nextCycle(cycle, 600);
                    w.writeBatch(cycle);
                    w.flush();
                    Thread.sleep(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        return t;
    }

    private static void awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 10_000 && !Files.exists(file); i++) {
            Thread.sleep(1);
        }
    }

    @Test
    void followChecksumEqualsTheFinalFilesAndCyclesComeOutWhole() throws Exception {
        Path file = dir.resolve("live.h5");
        Thread w = writer(file, 300);
        awaitFile(file);
        Cli follow = Cli.run("follow", file.toString(), "--checksum", "--quiet", "--poll", "5");
        w.join();
        assertEquals(0, follow.status(), follow.err());
        JsonNode followed = JSON.readTree(follow.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        Cli read = Cli.run("bench", "read", file.toString(), "--mode", "batches", "--json");
        assertEquals(0, read.status(), read.err());
        assertEquals(JSON.readTree(read.out()).get("checksum"), followed.get("checksum"));

        Path second = dir.resolve("live-cycles.h5");
        Thread w2 = writer(second, 60);
        awaitFile(second);
        Cli cycles = Cli.run("follow", second.toString(), "--cycles", "--poll", "5");
        w2.join();
        assertEquals(0, cycles.status(), cycles.err());
        Cli all = Cli.run("cycles", second.toString());
        assertEquals(all.out().lines().filter(l -> l.startsWith("cycle ")).count(),
                cycles.out().lines().filter(l -> l.startsWith("cycle ")).count(), cycles.out());
        assertTrue(cycles.out().lines().filter(l -> l.startsWith("cycle ")).allMatch(l -> !l.contains(": 0 rows")));
    }
}
