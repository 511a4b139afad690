package io.github.rejoinerbroadleaf.sample;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Headless Chromium driven by Selenium, for the Broadleaf admin screens. Uses the Debian packages
 * {@code chromium} and {@code chromium-driver} ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver});
 * when they are missing the test fails under {@code CI=true} and is skipped otherwise. The browser may
 * reach only localhost: every other host name resolves to nothing.
 */
final class AdminBrowser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final Path profile;
    private final String adminUrl;

    private AdminBrowser(WebDriver driver, Path profile, String adminUrl) {
        this.driver = driver;
        this.profile = profile;
        this.adminUrl = adminUrl;
    }

    /** Starts a fresh browser (new profile) for the store's admin. */
    static AdminBrowser open(SampleStore store) throws IOException {
        requireChromium();
        Path profile = Files.createTempDirectory("rejoiner-admin-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-extensions", "--disable-default-apps",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new AdminBrowser(driver, profile, "http://localhost:" + store.port() + "/admin");
    }

    static void requireChromium() {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (present) {
            return;
        }
        String message = "Admin browser tests need headless Chromium: install the Debian packages "
                + "'chromium' and 'chromium-driver' (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message + "; skipped because CI is not 'true'");
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens an admin page, e.g. {@code /rejoiner-settings}. */
    void go(String adminPath) {
        driver.get(adminUrl + adminPath);
    }

    void logIn(String user, String password) {
        go("/login");
        driver.findElement(By.name("j_username")).sendKeys(user);
        driver.findElement(By.name("j_password")).sendKeys(password);
        driver.findElement(By.name("j_password")).submit();
        if (driver.getCurrentUrl().contains("/login")) {
            throw new AssertionError("admin login failed for " + user + ":\n" + driver.getPageSource());
        }
    }

    /** The element, or an AssertionError that shows the page. */
    WebElement find(String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        if (found.isEmpty()) {
            throw new AssertionError("No " + css + " on " + driver.getCurrentUrl() + ":\n" + driver.getPageSource());
        }
        return found.get(0);
    }

    /** Clicks a submit button and waits until the next page has replaced this one. */
    void submit(String css) {
        WebElement button = find(css);
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(button));
    }

    /** Clicks a button inside an element and waits for the next page. */
    void submit(WebElement button) {
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(button));
    }

    boolean exists(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Replaces a text field's value. */
    void type(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    void check(String id, boolean on) {
        WebElement box = driver.findElement(By.id(id));
        if (box.isSelected() != on) {
            box.click();
        }
    }

    String source() {
        return driver.getPageSource();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
