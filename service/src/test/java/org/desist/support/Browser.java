package org.desist.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium, headless, driven through Debian's chromedriver: nothing is downloaded (Selenium Manager is
 * never asked, the binaries are named). Where Chromium is not installed the browser tests are skipped, unless
 * DESIST_REQUIRE_BROWSER is set (as .ci/run sets it), when that is a failure. One per test class; close it.
 */
public final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getenv().getOrDefault("DESIST_CHROMIUM", "/usr/bin/chromium");
    static final String DRIVER = System.getenv().getOrDefault("DESIST_CHROMEDRIVER", "/usr/bin/chromedriver");
    /** Screenshots of the pages, for docs/screens (copied there by .ci/run's screens step). */
    public static final Path SCREENS = Path.of("target", "screens");

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A browser with JavaScript on, against the service at that port. */
    public static Browser open(int port) {
        return open(port, true);
    }

    public static Browser open(int port, boolean javascript) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--lang=en-GB");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, "http://localhost:" + port);
    }

    private static void requireInstalled() {
        boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER));
        if (!installed && System.getenv("DESIST_REQUIRE_BROWSER") != null) {
            throw new AssertionError("DESIST_REQUIRE_BROWSER is set but " + CHROMIUM + " or " + DRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "Chromium and chromedriver are not installed: browser tests skipped");
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String base() {
        return base;
    }

    /** Opens a path of the service (/cases, /sign-in). */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /** Signs in through the form and lands on the page it leads to. */
    public Browser signIn(String username, String password) {
        go("/sign-in");
        fill("username", username);
        fill("password", password);
        press("Sign in");
        return this;
    }

    public Browser signOut() {
        return navigating(driver.findElement(By.cssSelector("[data-test=sign-out]")));
    }

    /** Types into the input, textarea or select named so (a select picks the option with that value). */
    public Browser fill(String name, String value) {
        WebElement field = driver.findElement(By.name(name));
        if ("select".equals(field.getTagName())) {
            new Select(field).selectByValue(value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
        return this;
    }

    /** Chooses the radio button or ticks the checkbox with that name and value. */
    public Browser choose(String name, String value) {
        driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"))
                .click();
        return this;
    }

    /** Presses the button (or link styled as one) whose text is that, and waits for the page it leads to. */
    public Browser press(String text) {
        return navigating(driver.findElement(
                By.xpath("//button[normalize-space()='" + text + "'] | //a[normalize-space()='" + text + "']")));
    }

    /** Follows the link with that text, and waits for the page it leads to. */
    public Browser click(String linkText) {
        return navigating(driver.findElement(By.linkText(linkText)));
    }

    /** Clicks something that loads another page, and returns once the old page is gone and the new one loaded. */
    public Browser navigating(WebElement element) {
        return navigating(element::click);
    }

    /** Does something that loads another page (a key pressed, a click), and waits until it is loaded. */
    public Browser navigating(Runnable action) {
        WebElement page = driver.findElement(By.tagName("html"));
        action.run();
        // gone: chromedriver says so as "stale element" or, mid-navigation, as a node "not in the document"
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /** The page's visible text. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The error summary's entries, empty when the page has none. */
    public List<String> errors() {
        return driver.findElements(By.cssSelector(".govuk-error-summary__list li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Saves a screenshot of the page as target/screens/{name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENS);
            Path file = SCREENS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the screenshot " + name, e);
        }
    }

    /** The page has no serious or critical accessibility violations, by axe-core (see {@link Axe}). */
    public Browser accessible() {
        List<String> violations = Axe.seriousViolations(driver);
        assertThat(violations)
                .as("axe-core: serious or critical violations on " + path())
                .isEmpty();
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
