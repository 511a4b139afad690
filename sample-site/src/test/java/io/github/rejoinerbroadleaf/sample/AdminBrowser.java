package io.github.rejoinerbroadleaf.sample;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * {@link HeadlessChromium} on the Broadleaf admin screens.
 */
final class AdminBrowser implements AutoCloseable {

    private final HeadlessChromium chromium;
    private final WebDriver driver;
    private final String adminUrl;

    private AdminBrowser(HeadlessChromium chromium, String adminUrl) {
        this.chromium = chromium;
        this.driver = chromium.driver();
        this.adminUrl = adminUrl;
    }

    /** Starts a fresh browser (new profile) for the store's admin. */
    static AdminBrowser open(SampleStore store) throws IOException {
        return new AdminBrowser(HeadlessChromium.start(), "http://localhost:" + store.port() + "/admin");
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
        chromium.close();
    }
}
