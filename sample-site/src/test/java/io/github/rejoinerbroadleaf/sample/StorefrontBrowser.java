package io.github.rejoinerbroadleaf.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium on the sample storefront, for the tracking tests. Started by
 * {@link HeadlessChromium}.
 *
 * <p>Reading what a page told Rejoiner deterministically: the Rejoiner library URL is blocked
 * through the DevTools protocol ({@code Network.setBlockedURLs}), so the library never loads and
 * {@code window._rejoiner} stays the plain array the page's inline script pushed onto. If a
 * stand-in library did run anyway, its {@code window.rejoinerSandbox.calls} record is read instead.
 */
final class StorefrontBrowser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HeadlessChromium chromium;
    private final ChromeDriver driver;
    private final String baseUrl;

    private StorefrontBrowser(HeadlessChromium chromium, String baseUrl) {
        this.chromium = chromium;
        this.driver = chromium.driver();
        this.baseUrl = baseUrl;
    }

    /** A fresh browser (new profile, no cookies) that never loads anything matching {@code blockedUrls}. */
    static StorefrontBrowser open(SampleStore store, List<String> blockedUrls) throws IOException {
        HeadlessChromium chromium = HeadlessChromium.start();
        chromium.driver().executeCdpCommand("Network.enable", Map.of());
        chromium.driver().executeCdpCommand("Network.setBlockedURLs", Map.of("urls", blockedUrls));
        return new StorefrontBrowser(chromium, "http://localhost:" + store.port());
    }

    String baseUrl() {
        return baseUrl;
    }

    void go(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
    }

    void reload() {
        driver.navigate().refresh();
    }

    String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String css, String value) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(value);
    }

    /** Clicks a submit button and waits for the next page (the form's redirect target) to load. */
    void submit(WebElement button) {
        Object marker = ((JavascriptExecutor) driver).executeScript("return window.__testMarker = Math.random();");
        button.click();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Object now = ((JavascriptExecutor) driver).executeScript(
                    "return document.readyState === 'complete' ? (window.__testMarker || 'new') : null;");
            if (now != null && !now.equals(marker)) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("no new page after submitting the form on " + driver.getCurrentUrl());
    }

    /** The Rejoiner calls of the current page as JSON arrays {@code [name, argument?]}, in push order. */
    List<JsonNode> calls() throws IOException {
        Object raw = ((JavascriptExecutor) driver).executeScript(
                "var s = window.rejoinerSandbox;"
                        + "var calls = s && Array.isArray(s.calls) ? s.calls : window._rejoiner;"
                        + "return calls === undefined ? null : JSON.stringify(calls);");
        List<JsonNode> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (JsonNode call : JSON.readTree((String) raw)) {
            out.add(call);
        }
        return out;
    }

    String source() {
        return driver.getPageSource();
    }

    /** Runs a script in the current page and returns its value. */
    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * From the next page on, every page records its uncaught errors and rejected promises in
     * {@code window.__pageErrors} (installed before the page's own scripts run) and the time of its
     * store's cart events ({@code sample:cart-changed}) in {@code window.__cartChangedAt}.
     */
    void recordPageErrorsAndCartEvents() {
        driver.executeCdpCommand("Page.enable", Map.of());
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__pageErrors = [];"
                        + "window.addEventListener('error', function (e) { window.__pageErrors.push(String(e.message)); });"
                        + "window.addEventListener('unhandledrejection', function (e) { window.__pageErrors.push('rejection: ' + e.reason); });"
                        + "document.addEventListener('sample:cart-changed', function () { window.__cartChangedAt = performance.now(); });"));
    }

    /** The current page's uncaught errors (see {@link #recordPageErrorsAndCartEvents()}). */
    List<String> pageErrors() {
        Object raw = script("return JSON.stringify(window.__pageErrors || ['error recording not installed']);");
        List<String> out = new ArrayList<>();
        try {
            JSON.readTree((String) raw).forEach(n -> out.add(n.asText()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        chromium.close();
    }
}
