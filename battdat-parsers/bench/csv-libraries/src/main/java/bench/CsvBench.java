package bench;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.battdat.api.parse.Decimals;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Parses every field of every row of a CSV as a double with each library; prints MB/s. */
public class CsvBench {
    static double sum;
    static long rows;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int reps = Integer.parseInt(args[1]);
        double mb = Files.size(file) / 1e6;
        String[] libs = args.length > 2 ? args[2].split(",") : new String[]{"fastcsv-callback", "fastcsv-record", "commons-csv", "univocity"};
        for (int r = 0; r < reps; r++) {
            for (String lib : libs) {
                sum = 0; rows = 0;
                long t0 = System.nanoTime();
                switch (lib) {
                    case "fastcsv-callback" -> fastCallback(file);
                    case "fastcsv-record" -> fastRecord(file);
                    case "commons-csv" -> commons(file);
                    case "univocity" -> univocity(file);
                    default -> throw new IllegalArgumentException(lib);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("%-17s %8.1f MB/s %10.0f rows/s  rows=%d checksum=%.6e%n", lib, mb / s, rows / s, rows, sum);
            }
        }
    }

    static Reader reader(Path f) throws Exception {
        return new BufferedReader(Files.newBufferedReader(f, StandardCharsets.UTF_8), 1 << 16);
    }

    static void fastCallback(Path f) throws Exception {
        var handler = new AbstractBaseCsvCallbackHandler<Object>() {
            boolean header = true;
            @Override protected void handleField(int idx, char[] buf, int off, int len, boolean quoted) {
                if (!header && len > 0) sum += Decimals.parseDouble(buf, off, len);
            }
            @Override protected Object buildRecord() { if (header) header = false; else rows++; return this; }
        };
        try (CsvReader<Object> r = CsvReader.builder().build(handler, f)) {
            for (Object o : r) { }
        }
    }

    static void fastRecord(Path f) throws Exception {
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(f)) {
            boolean header = true;
            for (CsvRecord rec : r) {
                if (header) { header = false; continue; }
                rows++;
                for (int i = 0; i < rec.getFieldCount(); i++) { String s = rec.getField(i); if (!s.isEmpty()) sum += Double.parseDouble(s); }
            }
        }
    }

    static void commons(Path f) throws Exception {
        try (Reader in = reader(f); var p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord rec : p) {
                rows++;
                for (int i = 0; i < rec.size(); i++) { String s = rec.get(i); if (!s.isEmpty()) sum += Double.parseDouble(s); }
            }
        }
    }

    static void univocity(Path f) throws Exception {
        CsvParserSettings s = new CsvParserSettings();
        s.setHeaderExtractionEnabled(true);
        s.setMaxColumns(512);
        s.getFormat().setLineSeparator("\r\n");
        CsvParser p = new CsvParser(s);
        try (Reader in = reader(f)) {
            p.beginParsing(in);
            String[] row;
            while ((row = p.parseNext()) != null) {
                rows++;
                for (String v : row) { if (v != null && !v.isEmpty()) sum += Double.parseDouble(v); }
            }
            p.stopParsing();
        }
    }
}
