package io.github.rejoinerbroadleaf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlResolverTest {

    private static final UrlResolver SHOP = UrlResolver.forBase("https://Shop.example.com/store");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://cdn.example.com/a.png, https://cdn.example.com/a.png",
        "http://shop.example.com/p?id=1, http://shop.example.com/p?id=1",
        "p/1, https://Shop.example.com/store/p/1",
        "/p/1, https://Shop.example.com/p/1",
        "//cdn.example.com/a.png, https://cdn.example.com/a.png",
        "'img/my tv.png', https://Shop.example.com/store/img/my%20tv.png"
    })
    void resolvesAgainstBase(String given, String expected) {
        assertEquals(expected, SHOP.resolve(given));
    }

    @Test
    void baseWithoutPathGetsSlash() {
        assertEquals("https://shop.example.com/", UrlResolver.forBase("https://shop.example.com").baseUrl());
    }

    @Test
    void protocolRelativeWithoutBaseGetsHttps() {
        assertEquals("https://cdn.example.com/a.png", UrlResolver.none().resolve("//cdn.example.com/a.png"));
    }

    @Test
    void relativeWithoutBaseIsDropped() {
        assertNull(UrlResolver.none().resolve("/p/1"));
    }

    @Test
    void relativeWithoutBaseLogsOneWarning() {
        try (LogCapture log = LogCapture.start()) {
            UrlResolver.none().resolve("/p/1");
            assertEquals(1, log.warnings());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,x", "mailto:a@b.c", "https://", "http://a.b/\nx"})
    void dropsNonHttp(String given) {
        assertNull(SHOP.resolve(given));
    }

    @Test
    void blankIsNullWithoutWarning() {
        try (LogCapture log = LogCapture.start()) {
            SHOP.resolve("  ");
            assertEquals(0, log.warnings());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/relative", "ftp://x.example.com/", " "})
    void rejectsBadBase(String base) {
        assertThrows(IllegalArgumentException.class, () -> UrlResolver.forBase(base));
    }
}
