package io.battdat.hdf5.codecs;

import io.jhdf.exceptions.HdfFilterException;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * HDF5 filter 307: bzip2 as PyTables' {@code H5Zbzip2.c} writes it, one bzip2 stream per chunk with the block size
 * (1-9, in units of 100 kB) in {@code cd_values[0]}.
 *
 * <p>Decoding stops with an {@link HdfFilterException} once the output passes the decoded chunk size cap, so a
 * decompression bomb cannot exhaust the heap.
 */
public class Bzip2Filter extends CappedFilter {

    /** The registered HDF5 filter id. */
    public static final int ID = 307;

    private static final int DEFAULT_BLOCK_SIZE = 9;

    /** A filter capped by {@link DecodeLimits#maxChunkBytes()}, as loaded by the service loader. */
    public Bzip2Filter() {
        this(-1);
    }

    /**
     * A filter with an explicit output cap.
     *
     * @param maxDecodedBytes largest decoded chunk, or a negative value for {@link DecodeLimits#maxChunkBytes()}
     */
    public Bzip2Filter(int maxDecodedBytes) {
        super(ID, "bzip2", maxDecodedBytes);
    }

    @Override
    public byte[] decode(byte[] encoded, int[] filterData) {
        int cap = decodedCap(encoded);
        CappedByteSink sink = new CappedByteSink((int) Math.min(cap, 4L * encoded.length + 1024), cap, "bzip2 chunk");
        try (InputStream in = new BZip2CompressorInputStream(new ByteArrayInputStream(encoded), false)) {
            while (true) {
                if (sink.available() == 0) {
                    if (sink.size() >= cap) {
                        if (in.read() < 0) {
                            return sink.toByteArray();
                        }
                        throw sink.overflow();
                    }
                    sink.reserve(Math.min(cap - sink.size(), Math.max(8192, sink.size())));
                }
                int n = in.read(sink.array(), sink.size(), sink.available());
                if (n < 0) {
                    return sink.toByteArray();
                }
                sink.advance(n);
            }
        } catch (HdfFilterException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // commons-compress reports some corruptions as unchecked exceptions
            throw new HdfFilterException("Corrupt bzip2 chunk of " + encoded.length + " bytes: " + e, e);
        }
    }

    @Override
    public byte[] encode(byte[] data, int[] filterData) {
        int blockSize = filterData != null && filterData.length > 0 ? filterData[0] : DEFAULT_BLOCK_SIZE;
        if (blockSize < 1 || blockSize > 9) {
            throw new HdfFilterException("bzip2 block size cd_values[0] = " + blockSize + " is not in 1-9");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
        try (BZip2CompressorOutputStream bzip = new BZip2CompressorOutputStream(out, blockSize)) {
            bzip.write(data);
        } catch (IOException e) {
            throw new HdfFilterException("bzip2 compression failed", e);
        }
        return out.toByteArray();
    }
}
