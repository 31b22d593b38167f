package io.battdat.charts;

import io.battdat.api.KeyNotFoundException;
import io.battdat.streaming.Battdat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Static charts of the repository's test files, checked by decoding the PNG and parsing the SVG. */
class StaticChartsTest {
    static Path testFile(String name) {
        return Path.of(System.getProperty("battdat.testdata", "../testdata"), "hdf5", name);
    }

    private static ChartData chart(ChartKind kind, ChartOptions options, String... files) {
        CellDataReader reader = new CellDataReader(Battdat.engine());
        List<CellData> cells = new ArrayList<>();
        for (String f : files) {
            cells.addAll(reader.read(testFile(f), options, kind.needsRawPoints()));
        }
        return Charts.build(kind, cells, options);
    }

    @Test
    void everyChartDrawsAPngWithLinesInThePlotArea(@TempDir Path dir) throws Exception {
        for (ChartKind kind : ChartKind.values()) {
            Path out = dir.resolve(kind.cliName() + ".png");
            StaticCharts.write(chart(kind, ChartOptions.builder().build(), "plain.h5"), out, 600, 400, 192);
            BufferedImage image = ImageIO.read(out.toFile());
            assertEquals(1200, image.getWidth(), kind.cliName());
            assertEquals(800, image.getHeight(), kind.cliName());
            // the middle of the plot area: some pixels neither white nor grid grey are the drawn lines
            int coloured = 0;
            for (int y = 200; y < 600; y++) {
                for (int x = 200; x < 1000; x++) {
                    int rgb = image.getRGB(x, y) & 0xffffff;
                    int r = rgb >> 16 & 0xff;
                    int g = rgb >> 8 & 0xff;
                    int b = rgb & 0xff;
                    if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
                        coloured++;
                    }
                }
            }
            assertTrue(coloured > 300, kind.cliName() + ": only " + coloured + " coloured pixels in the plot area");
        }
    }

    @Test
    void svgHasTitleAndAxisLabelsWithUnits(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("vq.svg");
        StaticCharts.write(chart(ChartKind.VOLTAGE_CAPACITY, ChartOptions.builder()
                .cycles(List.of("first", "2", "last")).build(), "plain.h5"), out, 800, 500, 96);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // the SVG names the W3C's DTD; a test must not fetch it
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = factory.newDocumentBuilder().parse(out.toFile());
        assertEquals("svg", svg.getDocumentElement().getLocalName() == null
                ? svg.getDocumentElement().getTagName() : svg.getDocumentElement().getLocalName());
        NodeList texts = svg.getElementsByTagName("text");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append('\n');
        }
        String s = all.toString();
        assertTrue(s.contains("Voltage (V)"), s);
        assertTrue(s.contains("Capacity cycled in the cycle (A-hr)"), s);
        assertTrue(s.contains("cell-plain"), s);
        assertTrue(s.contains("cycle 0") && s.contains("cycle 2") && s.contains("cycle 4"), s);
        assertTrue(s.contains("points shown"), s);
    }

    @Test
    void severalCellsInOneCapacityChart() {
        ChartData data = chart(ChartKind.CAPACITY, ChartOptions.builder().normalize(true).build(),
                "multi-cell.h5", "plain.h5");
        assertTrue(data.lineCount() >= 3, "lines: " + data.lineCount());
        for (ChartData.Line line : data.lines) {
            assertEquals(1.0, line.y()[0], 1e-9, line.name());
        }
    }

    @Test
    void missingCyclesAreNamedWithTheFile() {
        KeyNotFoundException e = assertThrows(KeyNotFoundException.class, () -> chart(ChartKind.DQDV,
                ChartOptions.builder().cycles(List.of("1", "999")).build(), "plain.h5"));
        assertTrue(e.getMessage().contains("plain.h5") && e.getMessage().contains("999"), e.getMessage());
    }

    @Test
    void withoutCurrentTheVoltageIsStillDrawnAndCycleChartsSayWhatIsMissing() {
        CellData cell = new CellData("nocurrent.h5", "nocurrent.h5", "no current");
        cell.hasCycleNumber = true;
        cell.cyclesMissing = "no cycle_stats table, and raw_data lacks current to compute one";
        cell.timeSeries = new PointBuffer(3, 100);
        for (int i = 0; i < 50; i++) {
            cell.timeSeries.add(i, 3.0 + i / 100.0, Double.NaN, Double.NaN);
        }
        ChartData series = Charts.build(ChartKind.TIMESERIES, List.of(cell), ChartOptions.builder().build());
        assertEquals(1, series.lineCount());
        assertEquals(List.of("Voltage (V)"), series.yLabels());
        KeyNotFoundException e = assertThrows(KeyNotFoundException.class, () -> Charts.build(
                ChartKind.VOLTAGE_CAPACITY, List.of(cell), ChartOptions.builder().build()));
        assertTrue(e.getMessage().contains("nocurrent.h5") && e.getMessage().contains("current"), e.getMessage());
        e = assertThrows(KeyNotFoundException.class, () -> Charts.build(ChartKind.CAPACITY, List.of(cell),
                ChartOptions.builder().build()));
        assertTrue(e.getMessage().contains("lacks current"), e.getMessage());
    }

    @Test
    void lttbKeepsEndsAndPeaks() {
        int n = 10_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        y[5_000] = 100;
        int[] kept = Lttb.select(x, y, n, 50);
        assertEquals(50, kept.length);
        assertEquals(0, kept[0]);
        assertEquals(n - 1, kept[49]);
        boolean peak = false;
        for (int k : kept) {
            peak |= k == 5_000;
        }
        assertTrue(peak, "the spike survives");
    }

    @Test
    void pointBufferStaysBounded() {
        PointBuffer b = new PointBuffer(1, 64);
        for (int i = 0; i < 1_000_000; i++) {
            b.add(i, i * 2.0);
        }
        assertTrue(b.size() <= 64 && b.size() >= 32, "size " + b.size());
        assertEquals(1_000_000, b.offered());
        double[] x = b.x();
        for (int i = 1; i < x.length; i++) {
            assertTrue(x[i] > x[i - 1]);
        }
        assertFalse(x.length == 0);
    }

    @Test
    void pointBufferKeepsASpikeThatAStrideWouldDrop() {
        PointBuffer b = new PointBuffer(1, 64);
        for (int i = 0; i < 1_000_000; i++) {
            b.add(i, i == 654_321 ? 5.0 : 3.0);
        }
        double max = 0;
        for (double v : b.channel(0)) {
            max = Math.max(max, v);
        }
        assertEquals(5.0, max, "the one-row spike is kept");
    }
}
