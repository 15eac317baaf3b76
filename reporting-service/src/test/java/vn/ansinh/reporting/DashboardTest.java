package vn.ansinh.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ansinh.reporting.IndicatorsTest.area;
import static vn.ansinh.reporting.IndicatorsTest.classified;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.ansinh.platform.testing.RealInfrastructure;
import vn.ansinh.platform.testing.TestTokens;
import vn.ansinh.platform.testing.Topics;
import vn.ansinh.platform.testing.Topics.Event;

/**
 * The dashboard in a real browser (Debian's Chromium, driven through ChromeDriver): what an
 * officer reads on it, and that it follows new events without a reload. Survey years 2041 and
 * 2042 keep its figures apart from the other tests'.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DashboardTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TestHTTPResource("/dashboard/index.html?refresh=300")
    URL dashboard;

    static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() throws Exception {
        assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "the browser tests need Debian's chromium and chromium-driver (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // the flags that keep Chromium from reaching for the internet, which this machine does not have
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,2400", "--lang=vi-VN",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).build();
        browser = new ChromeDriver(service, options);

        List<Event> events = new ArrayList<>(List.of(area("24", "Tỉnh Bắc Giang", "PROVINCE", null),
                area("223", "Huyện Hiệp Hòa", "DISTRICT", "24"), area("92301", "Xã Đông Lỗ", "COMMUNE", "223")));
        Topics.sendEvents("households.area.v1", events);
        List<Event> surveys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            surveys.add(classified("dash-" + i, 2041, i < 4 ? "POOR" : i < 6 ? "NEAR_POOR" : "NOT_POOR", "92301",
                    "223", i % 2 == 0, false, 4));
            surveys.add(classified("dash-" + i, 2042, i < 2 ? "POOR" : i < 5 ? "NEAR_POOR" : "NOT_POOR", "92301",
                    "223", i % 2 == 0, false, 4));
        }
        Topics.sendEvents("households.household.v1", surveys);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static List<List<String>> rows(String table) {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#" + table + " tbody tr"))) {
            rows.add(row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
        }
        return rows;
    }

    @Test
    void anOfficerSeesTheRatesOverTheYearsAndTheDistrictsAndThePageFollowsNewEvents() throws Exception {
        browser.get(dashboard + "#token=" + TestTokens.of("lanh-dao-so", "inspector").sign());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("10,00%", text("headline-rate")));

        assertEquals("Bảng theo dõi giảm nghèo", browser.findElement(By.tagName("h1")).getText());
        assertEquals("Tỉnh Bắc Giang · năm khảo sát 2042", text("province"));
        assertEquals("Giảm 10,00 điểm % so với 2041", text("headline-change"));
        assertEquals("2", text("headline-poor"));
        assertEquals("trên 20 hộ", text("headline-households"));
        List<String> row2042 = rows("trend-table").stream().filter(r -> r.get(0).equals("2042")).findFirst()
                .orElseThrow();
        assertEquals(List.of("2042", "20", "2", "10,00%"), row2042.subList(0, 4));
        assertTrue(row2042.get(4).matches("[-−]10,00"), row2042.get(4));
        assertEquals("10,00%", row2042.get(5), "ethnic-minority households: 1 of 10 poor");
        List<String> row2041 = rows("trend-table").stream().filter(r -> r.get(0).equals("2041")).findFirst()
                .orElseThrow();
        assertEquals(List.of("2041", "20", "4", "20,00%"), row2041.subList(0, 4));
        assertEquals(List.of(List.of("Huyện Hiệp Hòa", "20", "2", "10,00%")),
                rows("districts-table").stream().map(r -> r.subList(0, 4)).toList());

        // the charts are Chart.js charts holding these figures, drawn on their canvases
        JavascriptExecutor js = browser;
        assertEquals(true, js.executeScript("return typeof Chart === 'function'"));
        @SuppressWarnings("unchecked")
        List<Object> labels = (List<Object>) js.executeScript(
                "return Chart.getChart('trend-chart').data.labels.map(String)");
        assertTrue(labels.containsAll(List.of("2041", "2042")), labels.toString());
        assertEquals(10.0, ((Number) js.executeScript("const c = Chart.getChart('trend-chart');"
                + "return c.data.datasets[0].data[c.data.labels.indexOf(2042)]")).doubleValue());
        assertEquals(List.of("Huyện Hiệp Hòa"), js.executeScript(
                "return Chart.getChart('districts-chart').data.labels"));
        assertTrue(((Number) js.executeScript("const c = document.getElementById('trend-chart');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "let ink = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink++; return ink"))
                .longValue() > 1000, "the trend chart is drawn");
        Files.write(Path.of("target", "dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));

        // a household of 2042 reclassified as poor: the page follows without a reload
        long renders = ((Number) js.executeScript("return window.dashboard.renders")).longValue();
        Topics.sendEvents("households.household.v1",
                List.of(classified("dash-10", 2042, "POOR", "92301", "223", true, false, 4)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("15,00%", text("headline-rate")));
        assertEquals("3", text("headline-poor"));
        assertTrue(((Number) js.executeScript("return window.dashboard.renders")).longValue() > renders);
        assertNull(js.executeScript("return window.dashboard.error"));
    }

    @Test
    void withoutATokenThePageAsksForOneAndThenShowsTheFigures() {
        browser.get(dashboard.toString());
        browser.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.findElement(By.id("sign-in")).isDisplayed());
        assertEquals("—", text("headline-rate"));

        browser.findElement(By.id("token")).sendKeys(TestTokens.of("can-bo-huyen", "district-officer").area("223").sign());
        browser.findElement(By.cssSelector("#sign-in button")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> !text("headline-rate").equals("—"));
        assertFalse(browser.findElement(By.id("sign-in")).isDisplayed());
        assertEquals("", browser.getCurrentUrl().replaceAll("^[^#]*", ""), "no token left in the address");
    }
}
