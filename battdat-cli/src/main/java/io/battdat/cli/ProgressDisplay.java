package io.battdat.cli;

import io.battdat.streaming.convert.ProgressListener;

import java.io.PrintWriter;

/**
 * Shows conversion progress on stderr: a bar redrawn in place on a terminal (bytes read of the total, rows/s),
 * a plain line every 10% otherwise (logs, pipes).
 */
final class ProgressDisplay implements ProgressListener {
    private static final long REDRAW_NANOS = 200_000_000L;
    private final PrintWriter err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int lastTenth = -1;
    private boolean drawn;

    ProgressDisplay(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void progress(long bytesRead, long bytesTotal, long rows) {
        long now = System.nanoTime();
        double fraction = bytesTotal <= 0 ? 1 : Math.min(1, (double) bytesRead / bytesTotal);
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        if (terminal) {
            if (now - lastDraw < REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = (int) (fraction * width);
            err.printf("\r[%s%s] %3.0f%% %s of %s, %.0f rows/s ", "#".repeat(filled), " ".repeat(width - filled),
                    fraction * 100, megabytes(bytesRead), megabytes(bytesTotal), rows / seconds);
            err.flush();
            drawn = true;
        } else {
            int tenth = (int) (fraction * 10);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                err.printf("convert: %3d%% %s of %s, %d rows, %.0f rows/s%n", tenth * 10, megabytes(bytesRead),
                        megabytes(bytesTotal), rows, rows / seconds);
                err.flush();
            }
        }
    }

    void finish() {
        if (terminal && drawn) {
            err.print("\r" + " ".repeat(79) + "\r");
            err.flush();
        }
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
