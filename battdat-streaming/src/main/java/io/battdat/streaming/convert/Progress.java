package io.battdat.streaming.convert;

/** Adds up bytes and rows and tells the listener at most every {@link #STEP_BYTES} bytes. */
final class Progress {
    static final long STEP_BYTES = 1 << 20;
    private final ProgressListener listener;
    private final long total;
    private long bytes;
    private long rows;
    private long lastTold;

    Progress(ProgressListener listener, long total) {
        this.listener = listener;
        this.total = total;
    }

    void bytes(long more) {
        bytes += more;
        if (bytes - lastTold >= STEP_BYTES) {
            lastTold = bytes;
            listener.progress(bytes, total, rows);
        }
    }

    void rows(long more) {
        rows += more;
    }

    void done() {
        listener.progress(bytes, total, rows);
    }

    long bytesRead() {
        return bytes;
    }
}
