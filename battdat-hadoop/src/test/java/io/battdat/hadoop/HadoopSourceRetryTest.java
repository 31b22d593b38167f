package io.battdat.hadoop;

import io.battdat.api.FileAccessException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.junit.jupiter.api.Test;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads of a source whose connection drops: bounded retries on fresh streams, then a typed error naming the URI. */
class HadoopSourceRetryTest {
    private static final String URI = "s3a://bucket/lake/cell.h5";
    private static final byte[] CONTENT = InMemoryStream.pattern(300_000);

    /** An in-memory stream whose positional reads fail while {@code failures} is positive. */
    private static final class DroppingStream extends InMemoryStream {
        private final AtomicInteger failures;
        private final IOException failure;

        DroppingStream(AtomicInteger failures, IOException failure) {
            super(CONTENT);
            this.failures = failures;
            this.failure = failure;
        }

        @Override
        public int read(long position, byte[] buffer, int offset, int length) throws IOException {
            if (failures.getAndDecrement() > 0) {
                throw failure;
            }
            return super.read(position, buffer, offset, length);
        }
    }

    private static HadoopSource source(int failures, int retries, IOException failure, AtomicInteger opens)
            throws IOException {
        AtomicInteger left = new AtomicInteger(failures);
        HadoopSource.Opener opener = () -> {
            opens.incrementAndGet();
            return new FSDataInputStream(new DroppingStream(left, failure));
        };
        HadoopStorage storage = HadoopStorage.builder().blockSize(64 * 1024).readAhead(0)
                .retries(retries, Duration.ofMillis(1)).build();
        return new HadoopSource(URI, CONTENT.length, opener.open(), opener, storage.settings());
    }

    @Test
    void aDroppedConnectionIsRetriedOnAFreshStream() throws IOException {
        AtomicInteger opens = new AtomicInteger();
        try (HadoopSource s = source(2, 3, new SocketException("Connection reset"), opens)) {
            ByteBuffer into = ByteBuffer.allocate(100_000);
            s.readFully(100_000, into);
            assertArrayEquals(Arrays.copyOfRange(CONTENT, 100_000, 200_000), into.array());
            assertEquals(3, opens.get(), "the first stream and one new stream per failed attempt");
        }
    }

    /** Named as s3a's exception for a connection closed before the answer, which extends EOFException. */
    private static final class HttpChannelEOFException extends java.io.EOFException {
        HttpChannelEOFException(String message) {
            super(message);
        }
    }

    @Test
    void aConnectionClosedBeforeTheAnswerIsRetriedThoughReportedAsEof() throws IOException {
        AtomicInteger opens = new AtomicInteger();
        try (HadoopSource s = source(1, 3, new HttpChannelEOFException("The target server failed to respond"),
                opens)) {
            ByteBuffer into = ByteBuffer.allocate(1000);
            s.readFully(5000, into);
            assertArrayEquals(Arrays.copyOfRange(CONTENT, 5000, 6000), into.array());
            assertEquals(2, opens.get());
        }
    }

    /**
     * The error of a 10-byte read from a source whose every read fails with {@code failure}, given {@code retries}
     * retries; {@code opens} counts the streams it opened.
     */
    private static FileAccessException errorOfFailingRead(int retries, IOException failure, AtomicInteger opens)
            throws IOException {
        try (HadoopSource s = source(100, retries, failure, opens)) {
            return assertThrows(FileAccessException.class, () -> s.readFully(0, ByteBuffer.allocate(10)));
        }
    }

    @Test
    void aTrueEndOfFileIsNotRetried() throws IOException {
        AtomicInteger opens = new AtomicInteger();
        FileAccessException e = errorOfFailingRead(3, new java.io.EOFException("ended"), opens);
        assertTrue(e.getMessage().startsWith(URI + ": file ended early"), e.getMessage());
        assertEquals(1, opens.get());
    }

    @Test
    void retriesAreBoundedAndTheErrorNamesTheUri() throws IOException {
        FileAccessException e = errorOfFailingRead(2, new SocketException("Connection reset"), new AtomicInteger());
        assertTrue(e.getMessage().startsWith(URI + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("after 3 attempts") && e.getMessage().contains("Connection reset"),
                e.getMessage());
    }

    @Test
    void aMissingFileIsNotRetried() throws IOException {
        AtomicInteger opens = new AtomicInteger();
        FileAccessException e = errorOfFailingRead(3, new FileNotFoundException("gone"), opens);
        assertEquals(URI + ": no such file", e.getMessage());
        assertEquals(1, opens.get());
    }

    @Test
    void readsBeyondTheEndAreRefusedNamingTheUri() throws IOException {
        try (HadoopSource s = source(0, 0, new SocketException("x"), new AtomicInteger())) {
            FileAccessException e = assertThrows(FileAccessException.class,
                    () -> s.readFully(CONTENT.length - 5, ByteBuffer.allocate(10)));
            assertTrue(e.getMessage().startsWith(URI + ": "), e.getMessage());
        }
    }
}
