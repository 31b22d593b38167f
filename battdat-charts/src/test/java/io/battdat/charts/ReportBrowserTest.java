package io.battdat.charts;

import io.battdat.streaming.Battdat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML report in a real browser (Debian's chromium and chromium-driver; skipped with the reason where they
 * are missing): it draws every chart with no console error and no network request, and zooms on drag.
 */
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static ChromeDriver driver;
    private static Path report;

    @BeforeAll
    static void openReport() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium not installed (needs " + CHROMIUM + " and " + CHROMEDRIVER
                        + ": apt-get install chromium chromium-driver)");
        Path dir = Path.of("target", "report-test");
        Files.createDirectories(dir);
        report = dir.resolve("report.html").toAbsolutePath();
        new HtmlReport(Battdat.engine()).write(List.of(StaticChartsTest.testFile("plain.h5")),
                ChartOptions.builder().build(), report);
        assertTrue(Files.size(report) < 8_000_000, "report size " + Files.size(report));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(dir.toAbsolutePath(), "chromium-profile-"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1100, 1300));
        driver.get(report.toUri().toString());
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Test
    void everyChartDrawsWithItsSeriesAndAxisTitles() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> charts = (List<Map<String, Object>>) js(
                "return Object.keys(window.battdatCharts).map(function (id) {"
                        + " var u = window.battdatCharts[id]; var c = u.ctx.canvas;"
                        + " var px = u.ctx.getImageData(0, 0, c.width, c.height).data; var inked = 0;"
                        + " for (var i = 3; i < px.length; i += 4) { if (px[i] > 0) inked++; }"
                        + " return {id: id, kind: u.battdat.kind, series: u.series.length - 1, inked: inked,"
                        + "  x: u.axes[0].label, y: u.axes[1].label, title: u.root.querySelector('.u-title').textContent};"
                        + "});");
        Map<String, Integer> expectedSeries = Map.of("capacity", 2, "efficiency", 2, "voltage-capacity", 5,
                "dqdv", 5, "timeseries", 3);
        assertEquals(expectedSeries.keySet(), charts.stream().map(c -> c.get("kind")).collect(
                java.util.stream.Collectors.toSet()));
        for (Map<String, Object> c : charts) {
            String kind = (String) c.get("kind");
            assertEquals(expectedSeries.get(kind).longValue(), ((Number) c.get("series")).longValue(), kind);
            assertTrue(((Number) c.get("inked")).longValue() > 2000, kind + " drew " + c.get("inked") + " pixels");
            assertTrue(((String) c.get("title")).contains("cell-plain"), kind + ": " + c.get("title"));
        }
        Map<String, Object> capacity = charts.stream().filter(c -> c.get("kind").equals("capacity")).findFirst()
                .orElseThrow();
        assertEquals("Cycle", capacity.get("x"));
        assertEquals("Capacity (A-hr)", capacity.get("y"));
        Map<String, Object> series = charts.stream().filter(c -> c.get("kind").equals("timeseries")).findFirst()
                .orElseThrow();
        assertEquals("Test time (s)", series.get("x"));
        assertEquals("Voltage (V)", series.get("y"));
        String tables = driver.findElement(By.id("files")).getText();
        assertTrue(tables.contains("/raw_data: 5,776 rows") && tables.contains("voltage"), tables);
    }

    @Test
    void cycleAxesTickAtWholeCyclesOnly() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> axes = (List<Map<String, Object>>) js(
                "return Object.keys(window.battdatCharts).map(function (id) { var u = window.battdatCharts[id];"
                        + " return {kind: u.battdat.kind, splits: (u.axes[0]._splits || []).map(String),"
                        + " labels: (u.axes[0]._values || []).map(String)}; });");
        for (Map<String, Object> a : axes) {
            if (!a.get("kind").equals("capacity") && !a.get("kind").equals("efficiency")) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<String> splits = (List<String>) a.get("splits");
            @SuppressWarnings("unchecked")
            List<String> labels = (List<String>) a.get("labels");
            assertTrue(!splits.isEmpty(), a.get("kind") + ": no ticks drawn");
            for (String v : splits) {
                double d = Double.parseDouble(v);
                assertEquals(Math.rint(d), d, 1e-9, a.get("kind") + " ticks " + splits);
            }
            assertTrue(labels.stream().noneMatch(l -> l.contains(".")), a.get("kind") + " labels " + labels);
        }
    }

    @Test
    void noConsoleErrorsAndNoNetworkRequests() {
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertTrue(errors.isEmpty(), "console: " + errors);
        @SuppressWarnings("unchecked")
        List<String> requests = (List<String>) js("return performance.getEntriesByType('resource')"
                + ".map(function (e) { return e.name; }).filter(function (n) { return n.indexOf('data:') !== 0; });");
        assertTrue(requests.isEmpty(), "network requests: " + requests);
        // the log is really read: a console error written now is seen
        js("console.error('battdat probe');");
        assertTrue(driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .anyMatch(e -> e.getMessage().contains("battdat probe")), "browser log not captured");
    }

    @Test
    void dragOnTheCapacityChartZoomsAndScreenshotIsSaved() throws Exception {
        String id = (String) js("return Object.keys(window.battdatCharts).filter(function (k) {"
                + " return window.battdatCharts[k].battdat.kind === 'capacity'; })[0];");
        WebElement over = driver.findElement(By.cssSelector("#" + id + " .u-over"));
        js("arguments[0].scrollIntoView({block: 'center'});", over);
        js("window.scrollTo(0, document.getElementById('charts').offsetTop - 40);");
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path saved = Path.of("target", "report-screenshot.png");
        Files.copy(shot.toPath(), saved, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(saved) > 10_000);
        js("arguments[0].scrollIntoView({block: 'center'});", over);
        double before = ((Number) js("var s = window.battdatCharts[arguments[0]].scales.x;"
                + " return s.max - s.min;", id)).doubleValue();
        int w = over.getSize().getWidth();
        new Actions(driver).moveToElement(over, -w / 4, 0).clickAndHold().moveByOffset(w / 3, 0).release()
                .perform();
        double after = ((Number) js("var s = window.battdatCharts[arguments[0]].scales.x;"
                + " return s.max - s.min;", id)).doubleValue();
        assertTrue(after < before * 0.6, "x range before " + before + ", after drag " + after);
    }
}
