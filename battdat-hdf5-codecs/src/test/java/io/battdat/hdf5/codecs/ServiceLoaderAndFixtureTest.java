package io.battdat.hdf5.codecs;

import io.jhdf.HdfFile;
import io.jhdf.filter.Filter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filters are found through the service loader and jHDF reads a PyTables blosc file with them. */
class ServiceLoaderAndFixtureTest {

    @Test
    void serviceLoaderListsTheFilters() {
        Set<Integer> ids = ServiceLoader.load(Filter.class).stream().map(ServiceLoader.Provider::get)
                .map(Filter::getId).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of(32001, 307, 305)), "service ids " + ids);
    }

    @Test
    void jhdfReadsTheSharedBloscFixture() throws IOException {
        String shared = System.getProperty("battdat.shared");
        Assumptions.assumeTrue(shared != null, "system property battdat.shared is not set");
        Path file = Path.of(shared, "fixtures", "hdf5", "blosc.h5");
        Path expectedJson = Path.of(shared, "fixtures", "hdf5", "expected.json");
        Assumptions.assumeTrue(Files.isRegularFile(file) && Files.isRegularFile(expectedJson),
                "shared fixture " + file + " is absent");
        String json = Files.readString(expectedJson);
        int start = json.indexOf("\"blosc.h5\"");
        Assumptions.assumeTrue(start >= 0, "expected.json has no blosc.h5 entry");
        int end = json.indexOf("\n }", start);
        String section = json.substring(start, end < 0 ? json.length() : end);
        Pattern column = Pattern.compile("\"(\\w+)\": \\{\\s*\"dtype\": \"<[fi]8\",\\s*\"first\": ([^,]+),"
                + "\\s*\"last\": ([^,]+),\\s*\"sum\": ([^\\s}]+)");
        Matcher matcher = column.matcher(section);
        int checked = 0;
        try (HdfFile hdf = new HdfFile(file)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> columns = (Map<String, Object>) hdf.getDatasetByPath("/raw_data").getData();
            while (matcher.find()) {
                String name = matcher.group(1);
                double[] values = asDoubles(columns.get(name));
                assertEquals(Double.parseDouble(matcher.group(2)), values[0], name + " first");
                assertEquals(Double.parseDouble(matcher.group(3)), values[values.length - 1], name + " last");
                double sum = 0;
                for (double v : values) {
                    sum += v;
                }
                double expected = Double.parseDouble(matcher.group(4));
                // numpy sums pairwise, so the last bits may differ from a sequential sum
                assertEquals(expected, sum, 1e-9 * Math.max(1, Math.abs(expected)), name + " sum");
                checked++;
            }
        }
        assertTrue(checked >= 4, "checked " + checked + " numeric columns");
    }

    private static double[] asDoubles(Object column) {
        if (column instanceof double[] d) {
            return d;
        }
        long[] longs = (long[]) column;
        double[] out = new double[longs.length];
        for (int i = 0; i < longs.length; i++) {
            out[i] = longs[i];
        }
        return out;
    }
}
