package io.github.rejoinerbroadleaf.broadleaf.restore;

import org.junit.jupiter.api.Test;

import javax.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class PassThroughQueryTest {

    private static String query(Map<String, String> parameters) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getParameterNames()).thenReturn(Collections.enumeration(parameters.keySet()));
        parameters.forEach((k, v) -> when(request.getParameter(k)).thenReturn(v));
        return CartRestoreController.passThroughQuery(request);
    }

    @Test
    void keepsOnlyTrackingParametersSortedAndEncoded() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("t", "token");
        p.put("promo", "SAVE10");
        p.put("utm_source", "rejoiner");
        p.put("UTM_Medium", "e mail");
        p.put("rjid", "a&b=c");
        p.put("rejoiner_campaign", "x");
        p.put("next", "https://evil.example");
        p.put("redirect", "//evil.example");
        p.put("utm_", "empty-suffix-ok");
        p.put("utm_bad name", "x");
        p.put("utm_long", "x".repeat(201));
        assertEquals("?UTM_Medium=e+mail&rejoiner_campaign=x&rjid=a%26b%3Dc&utm_=empty-suffix-ok&utm_source=rejoiner",
                query(p));
    }

    @Test
    void nothingToKeepIsAnEmptyQuery() {
        assertEquals("", query(Map.of("t", "x", "promo", "y")));
    }

    @Test
    void atMostTwentyParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            p.put(String.format("utm_%02d", i), "v");
        }
        String q = query(p);
        assertEquals(20, q.split("&").length);
        assertEquals("?utm_00=v", q.substring(0, 9));
    }

    @Test
    void longNamesAreDropped() {
        assertEquals("", query(Map.of("utm_" + "x".repeat(41), "v")));
    }
}
