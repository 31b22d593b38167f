package io.battdat.parquet;

import io.battdat.api.BadFormatException;
import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetMetricsCallback;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.InputFile;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens Parquet files through parquet-java's {@code InputFile} (a local file, or a storage provider's source),
 * with a Hadoop-free configuration and our codecs, so no Hadoop class is ever loaded. Wraps every failure in a
 * typed exception naming dataset and table.
 */
final class ParquetFiles {
    private ParquetFiles() {
    }

    /**
     * Read options without Hadoop: plain configuration, our codecs, no filtering, page checksums verified when a
     * page carries one. {@code ParquetReadOptions.Builder} cannot be used: its constructor builds parquet-java's
     * Hadoop codec factory (loading Hadoop classes) before any codec factory can be set. So the options are made
     * with the constructor the builder calls, found once by reflection; a parquet-java that changes it fails the
     * first open with a message naming the version to use (and this module's tests fail at build time).
     */
    static ParquetReadOptions readOptions() {
        try {
            return OPTIONS_CONSTRUCTOR.newInstance(false, false, false, false, false, true, false, false, false,
                    FilterCompat.NOOP, ParquetMetadataConverter.NO_FILTER, ParquetCodecs.INSTANCE,
                    new HeapByteBufferAllocator(), 8 << 20, new HashMap<String, String>(), null, null,
                    new PlainParquetConfiguration());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make Parquet read options: " + e, e);
        }
    }

    private static final Constructor<ParquetReadOptions> OPTIONS_CONSTRUCTOR = optionsConstructor();

    private static Constructor<ParquetReadOptions> optionsConstructor() {
        try {
            Constructor<ParquetReadOptions> c = ParquetReadOptions.class.getDeclaredConstructor(boolean.class,
                    boolean.class, boolean.class, boolean.class, boolean.class, boolean.class, boolean.class,
                    boolean.class, boolean.class, FilterCompat.Filter.class,
                    ParquetMetadataConverter.MetadataFilter.class, CompressionCodecFactory.class,
                    ByteBufferAllocator.class, int.class, Map.class, FileDecryptionProperties.class,
                    ParquetMetricsCallback.class, ParquetConfiguration.class);
            c.setAccessible(true);
            return c;
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new ExceptionInInitializerError("battdat-parquet needs parquet-java 1.15 to 1.18 on the class path "
                    + "(ParquetReadOptions changed): " + e);
        }
    }

    /** Opens a local file for reading row groups. */
    static ParquetFileReader open(Path dataset, String table, Path file) {
        return open(dataset, table, ParquetInput.local(file));
    }

    /** Opens a file, local or remote, for reading row groups. */
    static ParquetFileReader open(Path dataset, String table, ParquetInput file) {
        InputFile input = null;
        try {
            input = file.open();
            ParquetFileReader reader = new ParquetFileReader(input, readOptions());
            String damage = chunksOutsideTheFile(reader.getFooter(), input.getLength());
            if (damage != null) {
                reader.close();
                throw new BadFormatException(ErrorLocation.of(dataset, table),
                        "damaged footer in " + file + ": " + damage, null);
            }
            return reader;
        } catch (NoSuchFileException e) {
            throw new FileAccessException(ErrorLocation.of(dataset, table), "no such file " + file, e);
        } catch (AccessDeniedException e) {
            throw new FileAccessException(ErrorLocation.of(dataset, table), "permission denied: " + file, e);
        } catch (BattdatException e) {
            closeQuietly(input);
            throw e; // a remote file that cannot be read: the storage provider's own error
        } catch (IOException | RuntimeException e) {
            closeQuietly(input);
            throw new BadFormatException(ErrorLocation.of(dataset, table),
                    "not a readable Parquet file " + file + ": " + describe(e), e);
        }
    }

    /**
     * The first column chunk whose byte range the footer puts outside the file, described; null when all lie within.
     * parquet-java allocates a row group's chunks at the sizes the footer gives, so a damaged size must be refused
     * before a row group is read, not met as an OutOfMemoryError.
     */
    private static String chunksOutsideTheFile(ParquetMetadata footer, long fileLength) {
        List<BlockMetaData> groups = footer.getBlocks();
        for (int g = 0; g < groups.size(); g++) {
            for (ColumnChunkMetaData chunk : groups.get(g).getColumns()) {
                long start = chunk.getStartingPos();
                long size = chunk.getTotalSize();
                if (start < 0 || size < 0 || start > fileLength || size > fileLength - start) {
                    return "row group " + g + ", column " + chunk.getPath() + ": " + size + " bytes at offset " + start
                            + ", past the end of the file (" + fileLength + " bytes)";
                }
            }
        }
        return null;
    }

    /** Releases a remote file a failed open leaves behind (parquet-java does not close its stream then). */
    private static void closeQuietly(InputFile input) {
        if (input instanceof SourceInputFile remote) {
            remote.release();
        }
    }

    /** A local file's footer. */
    static ParquetMetadata readFooter(Path dataset, String table, Path file) {
        try (ParquetFileReader reader = open(dataset, table, file)) {
            return reader.getFooter();
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(dataset, table),
                    "cannot close " + file + ": " + e.getMessage(), e);
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
