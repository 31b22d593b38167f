package io.battdat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code battdat facts FILE}: per-table facts as JSON, in the shape the interop tests get from PyTables. */
@Command(name = "facts", mixinStandardHelpOptions = true,
        header = "Print the facts JSON of every table (rows, sums, first/last, cycles).")
final class FactsCommand extends FileSubcommand {
    @Override
    public Integer call() throws JsonProcessingException {
        BattdatEngine engine = Battdat.engine();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        Map<String, Object> facts = new LinkedHashMap<>();
        try (StoredDataset ds = engine.open(file)) {
            facts.put("metadata", jsonObject(mapper, ds.metadataJson(), "root attribute 'metadata'", null));
            Map<String, Object> tables = new LinkedHashMap<>();
            for (TableInfo t : ds.tables()) {
                jsonObject(mapper, t.schemaJson(), "attribute 'metadata'", t.path());
                TableFacts f = new TableFacts(t);
                try (TableCursor cursor = ds.openTable(t.key(), engine.options())) {
                    while (cursor.next()) {
                        ColumnBatch b = cursor.batch();
                        f.add(b);
                    }
                }
                tables.put(t.path(), f.toMap());
            }
            facts.put("tables", tables);
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter(" ", "\n"))
                .withArrayIndenter(new DefaultIndenter(" ", "\n"));
        out().println(mapper.writer(printer).writeValueAsString(facts));
        return 0;
    }

    private Object jsonObject(ObjectMapper mapper, String text, String what, String table) {
        Object value;
        try {
            value = mapper.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw Locations.at(new BadFormatException(ErrorLocation.of(Locations.localPath(file), table),
                    what + " " + MetadataText.problem(text, e), e), file);
        }
        if (!(value instanceof Map)) {
            throw Locations.at(new BadFormatException(ErrorLocation.of(Locations.localPath(file), table),
                    what + " is not a JSON object", null), file);
        }
        return value;
    }
}
