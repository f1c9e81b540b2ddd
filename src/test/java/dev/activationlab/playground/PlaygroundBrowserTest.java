package dev.activationlab.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Drives the playground at {@code /} in headless Chromium, as a person would, and saves
 * screenshots under {@code target/}. Skipped where Debian's {@code chromium} and
 * {@code chromium-driver} are not installed ({@code .ci/run} installs them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static Path profile;
    private static WebDriver driver;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs /usr/bin/chromium and /usr/bin/chromedriver (Debian packages chromium, chromium-driver)");
        profile = Files.createTempDirectory("playground-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @BeforeEach
    void openPlayground() {
        driver.manage().window().setSize(new Dimension(1280, 1700));
        driver.get("http://localhost:" + port + "/");
        waitUntil("the first curve is drawn", () -> Boolean.TRUE.equals(script(
                "return window.activationLab && window.activationLab.curve !== null"
                + " && window.activationLab.curveChart.data[0].length > 0")));
    }

    @Test
    void changingActivationAndParameterShouldRedrawTheCurve() throws IOException {
        assertThat(script("return window.activationLab.curve.activation")).isEqualTo("sigmoid");
        List<Number> sigmoid = chartSeries(1);
        assertThat(sigmoid).hasSize(121);
        assertThat(sigmoid.get(60).doubleValue()).isEqualTo(0.5);

        new Select(driver.findElement(By.id("activation"))).selectByValue("leaky_relu");
        waitUntil("leaky_relu is drawn", () -> "leaky_relu".equals(script("return window.activationLab.curve.activation")));
        // f(−6) = alpha · (−6) with the default alpha 0.01.
        assertThat(chartSeries(1).get(0).doubleValue()).isEqualTo(-0.06, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(chartSeries(1)).isNotEqualTo(sigmoid);

        WebElement alpha = driver.findElement(By.id("param-alpha"));
        alpha.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.2");
        waitUntil("alpha = 0.2 is drawn", () -> Double.valueOf(0.2).equals(
                number(script("return window.activationLab.curve.params.alpha"))));
        assertThat(chartSeries(1).get(0).doubleValue()).isEqualTo(-1.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(chartSeries(2).get(0).doubleValue()).isEqualTo(0.2);
        assertThat(driver.findElement(By.id("curve-title")).getText()).isEqualTo("leaky_relu (alpha = 0.2): f and f′");
        assertThat(driver.findElement(By.id("curve-svg")).getAttribute("href"))
                .contains("/api/v1/activations/leaky_relu/plot?").contains("alpha=0.2");
        screenshot("playground-curve.png", "curve-section");
    }

    @Test
    void gatesShouldShowTheirTruthTablesAndXorShouldNeedTwoLayers() throws IOException {
        waitUntil("the gates are listed", () -> !driver.findElements(By.id("gate-xor")).isEmpty());
        assertThat(runGate("and")).containsExactly("0", "0", "0", "1");
        assertThat(runGate("or")).containsExactly("0", "1", "1", "1");
        assertThat(runGate("nand")).containsExactly("1", "1", "1", "0");
        assertThat(runGate("xor")).containsExactly("0", "1", "1", "0");
        assertThat(driver.findElement(By.id("network-fields")).isDisplayed()).isTrue();
        screenshot("playground-xor.png", "gates-section");
    }

    @Test
    void apiErrorShouldAppearAsAReadableMessage() throws IOException {
        WebElement error = driver.findElement(By.id("curve-error"));
        assertThat(error.isDisplayed()).isFalse();

        WebElement points = driver.findElement(By.id("points"));
        points.sendKeys(Keys.chord(Keys.CONTROL, "a"), "20000");
        waitUntil("the error is shown", error::isDisplayed);
        assertThat(error.getText())
                .contains("Invalid request (HTTP 400)")
                .contains("'points' must be between 2 and 10001; got 20000.")
                .contains("At: points");
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        screenshot("playground-error.png", "curve-section");

        points.sendKeys(Keys.chord(Keys.CONTROL, "a"), "41");
        waitUntil("the error clears", () -> !error.isDisplayed());
        assertThat(chartSeries(1)).hasSize(41);
    }

    @Test
    void gradientDecayShouldCompareActivationsOnALogScale() throws IOException {
        waitUntil("three chains are drawn", () -> number(script(
                "return window.activationLab.chainChart ? window.activationLab.chainChart.series.length : 0")) == 4.0);
        // Sigmoid at z = 0: |g_1| = 0.25^30, log10 = 30 · log10(0.25).
        List<String> labels = strings(script("return window.activationLab.chainChart.series.map(s => s.label)"));
        assertThat(labels).containsExactly("layer", "relu", "sigmoid", "tanh");
        assertThat(chartSeries(2, "chainChart").get(0).doubleValue())
                .isCloseTo(30 * Math.log10(0.25), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(driver.findElement(By.id("chain-summary")).getText()).contains("sigmoid").contains("after 10 layers");
        // The page links to the same picture drawn by the service.
        assertThat(fetchContentType("chain-svg")).isEqualTo("200 image/svg+xml");
        assertThat(fetchContentType("chain-png")).isEqualTo("200 image/png");

        WebElement layers = driver.findElement(By.id("layers"));
        layers.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1000", Keys.TAB);
        waitUntil("1000 layers are drawn", () -> chartSeries(2, "chainChart").size() == 1000);
        // 0.25^1000 ≈ 10^−602 underflows a double, yet it is plotted from its logarithm.
        assertThat(chartSeries(2, "chainChart").get(0).doubleValue())
                .isCloseTo(1000 * Math.log10(0.25), org.assertj.core.data.Offset.offset(1e-6));
        screenshot("playground-gradients.png", "chain-section");
    }

    @Test
    void pageShouldFitAPhoneAndWorkWithTheKeyboard() throws IOException {
        driver.manage().window().setSize(new Dimension(360, 2600));
        waitUntil("the layout settles", () -> number(script("return window.innerWidth")) <= 360.0);
        assertThat(number(script("return document.documentElement.scrollWidth")))
                .isLessThanOrEqualTo(number(script("return window.innerWidth")));
        assertThat(driver.findElement(By.cssSelector("a[href='/swagger-ui.html']")).isDisplayed()).isTrue();

        // Tab from the top: the skip link first, then the API links, then the activation picker.
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(activeElementId()).isEmpty();
        assertThat(script("return document.activeElement.className")).isEqualTo("skip-link");
        WebElement active = driver.switchTo().activeElement();
        for (int i = 0; i < 10 && !"activation".equals(activeElementId()); i++) {
            active.sendKeys(Keys.TAB);
            active = driver.switchTo().activeElement();
        }
        assertThat(activeElementId()).isEqualTo("activation");
        String before = (String) script("return document.getElementById('activation').value");
        active.sendKeys(Keys.ARROW_DOWN);
        waitUntil("the next activation is drawn", () -> !before.equals(script("return window.activationLab.curve.activation")));
        screenshot("playground-phone.png", null);
    }

    @Test
    void trainingShouldStreamTheLossCurveThenDrawTheBoundaryAndTheDeadUnits() throws IOException {
        driver.manage().window().setSize(new Dimension(1280, 2400));
        waitUntil("the dataset is drawn", () -> Boolean.TRUE.equals(script(
                "return window.activationLab.dataset !== null")));
        assertThat(number(script("return window.activationLab.dataset.inputs.length"))).isEqualTo(200.0);
        WebElement epochs = driver.findElement(By.id("train-epochs"));
        epochs.sendKeys(Keys.chord(Keys.CONTROL, "a"), "60");
        driver.findElement(By.id("train-run")).click();

        waitUntil("the training finished", () -> Boolean.TRUE.equals(script(
                "return window.activationLab.training !== null")));
        List<Number> losses = chartSeries(1, "lossChart");
        assertThat(losses).hasSize(61);
        assertThat(losses.get(60).doubleValue()).isLessThan(losses.get(0).doubleValue());
        assertThat(number(script("return document.getElementById('train-progress').value"))).isEqualTo(1.0);
        waitUntil("the boundary is drawn", () -> Boolean.TRUE.equals(script(
                "const i = document.getElementById('train-boundary');"
                + " return !i.hidden && i.complete && i.naturalWidth > 0")));
        assertThat(driver.findElements(By.cssSelector("#train-dead li"))).hasSize(2)
                .allSatisfy(item -> assertThat(item.getText()).matches("Hidden layer \\d: \\d+ dead units? of 8"));
        screenshot("playground-train.png", "train-section");
    }

    @Test
    void raceShouldDrawOneMedianLossCurvePerTickedActivation() throws IOException {
        driver.manage().window().setSize(new Dimension(1280, 2400));
        waitUntil("the dataset is drawn", () -> Boolean.TRUE.equals(script(
                "return window.activationLab.dataset !== null")));
        WebElement epochs = driver.findElement(By.id("train-epochs"));
        epochs.sendKeys(Keys.chord(Keys.CONTROL, "a"), "40");
        driver.findElement(By.id("race-run")).click();

        waitUntil("the race finished", () -> Boolean.TRUE.equals(script("return window.activationLab.race !== null")));
        assertThat(strings(script("return window.activationLab.race.results.map(r => r.activation)")))
                .containsExactly("leaky_relu", "prelu", "relu", "sigmoid", "tanh");
        assertThat(number(script("return window.activationLab.lossChart.series.length"))).isEqualTo(6.0);
        assertThat(chartSeries(3, "lossChart")).hasSize(41);
        assertThat(driver.findElements(By.cssSelector("#race-ranking li"))).hasSize(5);
        screenshot("playground-race.png", "train-section");
    }

    @Test
    void aBadNetworkShouldShowTheProblemTitleAndField() {
        waitUntil("the dataset is drawn", () -> Boolean.TRUE.equals(script(
                "return window.activationLab.dataset !== null")));
        WebElement hidden = driver.findElement(By.id("train-hidden"));
        hidden.sendKeys(Keys.chord(Keys.CONTROL, "a"), "8, 0");
        driver.findElement(By.id("train-run")).click();

        WebElement error = driver.findElement(By.id("train-error"));
        waitUntil("the error is shown", error::isDisplayed);
        assertThat(error.getText()).contains("Invalid request", "HTTP 400", "architecture.hidden[1]");
    }

    /** Fetches the target of a link from within the page: "status content-type". */
    private static String fetchContentType(String linkId) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById(arguments[0]).href)"
                + ".then(r => done(r.status + ' ' + r.headers.get('Content-Type')))"
                + ".catch(e => done('failed: ' + e));", linkId);
    }

    private List<String> runGate(String gate) {
        driver.findElement(By.id("gate-" + gate)).click();
        String caption = gate.toUpperCase() + " truth table";
        waitUntil(caption, () -> caption.equals(driver.findElement(By.id("truth-caption")).getText()));
        return driver.findElements(By.cssSelector("#truth-table tbody td.output-cell")).stream()
                .map(WebElement::getText).toList();
    }

    private List<Number> chartSeries(int index) {
        return chartSeries(index, "curveChart");
    }

    @SuppressWarnings("unchecked")
    private List<Number> chartSeries(int index, String chart) {
        return (List<Number>) script("return window.activationLab." + chart + ".data[" + index + "]");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }

    private static String activeElementId() {
        return (String) script("return document.activeElement.id");
    }

    private static Object script(String code) {
        return ((JavascriptExecutor) driver).executeScript(code);
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, PATIENCE).withMessage(what).until(d -> condition.getAsBoolean());
    }

    /** Saves a PNG of one section of the page, or of the whole window when {@code sectionId} is null. */
    private static void screenshot(String name, String sectionId) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        TakesScreenshot target = (TakesScreenshot) driver;
        if (sectionId != null) {
            WebElement section = driver.findElement(By.id(sectionId));
            // Chromium captures only the part of an element inside the viewport: bring all of it in first.
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", section);
            target = section;
        }
        Files.write(SCREENSHOTS.resolve(name), target.getScreenshotAs(OutputType.BYTES));
    }
}
