package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The consent gate, one row per situation: the setting, the cookie the browser sends, tracked or not. */
class ConsentGateTest {

    @ParameterizedTest(name = "setting {0}, cookie {1}={2}: {3}")
    @CsvSource(nullValues = "none", value = {
            "none,       none,       none,  true",
            "'  ',       none,       none,  true",
            "rj_consent, none,       none,  false",
            "rj_consent, other,      yes,   false",
            "rj_consent, rj_consent, '',    false",
            "rj_consent, rj_consent, 0,     false",
            "rj_consent, rj_consent, FALSE, false",
            "rj_consent, rj_consent, yes,   true",
            "rj_consent, rj_consent, ' 1 ', true"})
    void consent(String setting, String cookie, String value, boolean tracked) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getCookies()).thenReturn(cookie == null ? null : new Cookie[] {new Cookie(cookie, value)});
        assertEquals(tracked, ConsentGate.hasConsent(request, setting));
    }
}
