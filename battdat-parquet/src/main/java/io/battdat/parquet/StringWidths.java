package io.battdat.parquet;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.DictionaryPageReadStore;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The width of each variable-length string column: its longest value in bytes (at least 1), which is the
 * {@code S<n>} width pandas and PyTables give the same column, so a table has the same layout in both backends.
 * A column chunk whose pages are all dictionary-encoded (pyarrow's and our default) is measured from its
 * dictionary page alone; other chunks are scanned once.
 */
final class StringWidths {
    private StringWidths() {
    }

    /** Per schema field: the measured width of string columns, 0 for the others; reads through an open reader. */
    static int[] measure(Path dataset, DatasetLayout.TableFile f, ParquetFileReader reader) {
        MessageType schema = reader.getFooter().getFileMetaData().getSchema();
        int[] widths = new int[schema.getFieldCount()];
        try {
            for (int i = 0; i < widths.length; i++) {
                if (ParquetTypes.isVariableString(schema, i)) {
                    widths[i] = Math.max(1, longest(reader, schema, i));
                }
            }
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(dataset, f.tablePath()),
                    "cannot read " + f.file() + ": " + e.getMessage(), e);
        } catch (io.battdat.api.BattdatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadFormatException(ErrorLocation.of(dataset, f.tablePath()),
                    "cannot measure the string columns of " + f.file() + ": " + ParquetFiles.describe(e), e);
        }
        return widths;
    }

    private static int longest(ParquetFileReader reader, MessageType schema, int field) throws IOException {
        ColumnDescriptor column = schema.getColumns().get(field);
        List<BlockMetaData> groups = reader.getRowGroups();
        int longest = 0;
        for (int g = 0; g < groups.size(); g++) {
            ColumnChunkMetaData chunk = groups.get(g).getColumns().get(field);
            EncodingStats stats = chunk.getEncodingStats();
            if (stats != null && stats.hasDictionaryPages() && !stats.hasNonDictionaryEncodedPages()) {
                longest = Math.max(longest, longestInDictionary(reader.getDictionaryReader(g), column));
            } else if (groups.get(g).getRowCount() > 0) {
                longest = Math.max(longest, longestByScan(reader, schema, field, g));
            }
        }
        return longest;
    }

    private static int longestInDictionary(DictionaryPageReadStore store, ColumnDescriptor column) throws IOException {
        DictionaryPage page = store.readDictionaryPage(column);
        if (page == null) {
            return 0;
        }
        Dictionary dictionary = page.getEncoding().initDictionary(column, page);
        int longest = 0;
        for (int id = 0; id <= dictionary.getMaxId(); id++) {
            longest = Math.max(longest, dictionary.decodeToBinary(id).length());
        }
        return longest;
    }

    private static int longestByScan(ParquetFileReader reader, MessageType schema, int field, int group)
            throws IOException {
        MessageType one = Types.buildMessage().addField(schema.getType(field)).named(schema.getName());
        reader.setRequestedSchema(one);
        PageReadStore pages = reader.readRowGroup(group);
        ColumnDescriptor column = one.getColumns().get(0);
        ColumnReader r = new ColumnReadStoreImpl(pages, new NoConverter(), one, reader.getFileMetaData().getCreatedBy())
                .getColumnReader(column);
        int max = column.getMaxDefinitionLevel();
        int longest = 0;
        for (long i = 0, n = r.getTotalValueCount(); i < n; i++) {
            if (r.getCurrentDefinitionLevel() == max) {
                longest = Math.max(longest, r.getBinary().length());
            }
            r.consume();
        }
        return longest;
    }
}
