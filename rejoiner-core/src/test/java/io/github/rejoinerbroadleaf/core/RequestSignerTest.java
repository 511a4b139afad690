package io.github.rejoinerbroadleaf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Expected signatures were computed once with the guide's Python function (typo fixed:
 * {@code hmac.new(api_secret.encode('utf-8'), content.encode('utf-8'), sha1)}) under Python 3.11,
 * independently of this code, and pinned here with their inputs.
 */
class RequestSignerTest {

    // The guide's example credentials.
    private static final String SITE = "53b53e65346e712ffe5756f2";
    private static final String KEY = "60d870b9d5b6497e9f55689c4ab1f54b";
    private static final String SECRET = "4158524bba7a4e5cb88a725c334da24c";
    private static final String CONVERT = "/api/1.0/site/" + SITE + "/lead/convert";

    private final RequestSigner signer = new RequestSigner(KEY, SECRET);

    @Test
    void pythonVectorCompactBody() {
        assertEquals("DnQBbZTCksERssIisl1RwkAJk24=",
                signer.signature("POST", CONVERT, "{\"email\":\"test@example.com\"}"));
    }

    @Test
    void pythonVectorSpacedBody() {
        assertEquals("89JKUV/MFGzwcsJbwny9+RPbozQ=",
                signer.signature("POST", CONVERT, "{\"email\": \"test@example.com\"}"));
    }

    @Test
    void pythonVectorNonAsciiBody() {
        assertEquals("87YrF+kllyRcv4c4tOJMMjt/qc0=", signer.signature("POST", CONVERT,
                "{\"email\":\"j\u00fcrgen@example.com\",\"name\":\"\u017dlu\u0165ou\u010dk\u00fd k\u016f\u0148 \u4e2d\u6587 \uD83D\uDE00\"}"));
    }

    @Test
    void pythonVectorGetWithEmptyBody() {
        assertEquals("x9nleWrBmIezo4Fm6DzucbIS/3s=", signer.signature("GET", "/api/1.0/site/" + SITE + "/", ""));
    }

    @Test
    void nullBodySignsLikeEmptyBody() {
        assertEquals("x9nleWrBmIezo4Fm6DzucbIS/3s=", signer.signature("GET", "/api/1.0/site/" + SITE + "/", (byte[]) null));
    }

    @Test
    void pythonVectorEmptyPostBody() {
        assertEquals("U853Cz/GgWxSGrlhRSyJHRCciHg=", signer.signature("POST", CONVERT, ""));
    }

    @Test
    void pythonVectorNonAsciiSecret() {
        assertEquals("8xBVWRHyebL7AdBVybVIW8hHM5g=", new RequestSigner("k", "s3cr\u00e9t")
                .signature("POST", "/api/1.0/site/abc/lead/opt_in", "{\"email\":\"a@b.co\"}"));
    }

    /**
     * The guide's first example header is C9vJttriEN7cikdx4Wej3zcI594= for a body printed with the
     * address redacted ({"email": ""}, which signs to xHPxwJgjYsjzlYP9yWcnX1ZlOM4=). Trying a
     * handful of common placeholder addresses in Python, {"email": "foo@bar.com"} reproduces the
     * header exactly. The extended example (NzSvOuDyLnwM8VoDaCo1iVaxUtk=) is printed with single
     * quotes and redacted URLs; its exact body is unknown, so it is not checked.
     */
    @Test
    void guideExampleHeaderIsReproduced() {
        assertEquals("Rejoiner 60d870b9d5b6497e9f55689c4ab1f54b:C9vJttriEN7cikdx4Wej3zcI594=",
                signer.authorization("POST", CONVERT, "{\"email\": \"foo@bar.com\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void guideExampleRedactedBodyDoesNotMatchItsHeader() {
        assertEquals("xHPxwJgjYsjzlYP9yWcnX1ZlOM4=", signer.signature("POST", CONVERT, "{\"email\": \"\"}"));
    }

    @Test
    void verifiesOwnHeader() {
        byte[] body = "{\"email\":\"a@b.co\"}".getBytes(StandardCharsets.UTF_8);
        assertTrue(signer.verify(signer.authorization("POST", CONVERT, body), "POST", CONVERT, body));
    }

    @Test
    void rejectsChangedBody() {
        byte[] body = "{\"email\":\"a@b.co\"}".getBytes(StandardCharsets.UTF_8);
        String header = signer.authorization("POST", CONVERT, body);
        assertFalse(signer.verify(header, "POST", CONVERT, "{\"email\":\"a@b.cc\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rejectsChangedPath() {
        String header = signer.authorization("POST", CONVERT, new byte[0]);
        assertFalse(signer.verify(header, "POST", CONVERT + "x", new byte[0]));
    }

    @Test
    void rejectsOtherKey() {
        String header = new RequestSigner("otherkey", SECRET).authorization("POST", CONVERT, new byte[0]);
        assertFalse(signer.verify(header, "POST", CONVERT, new byte[0]));
    }

    @Test
    void rejectsOtherSecret() {
        String header = new RequestSigner(KEY, "other").authorization("POST", CONVERT, new byte[0]);
        assertFalse(signer.verify(header, "POST", CONVERT, new byte[0]));
    }

    @Test
    void rejectsMalformedHeaders() {
        for (String header : new String[] {null, "", "Rejoiner", "Basic abc", "Rejoiner " + KEY, "Rejoiner " + KEY + ":%%%"}) {
            assertFalse(signer.verify(header, "POST", CONVERT, new byte[0]), String.valueOf(header));
        }
    }

    @Test
    void toStringHidesSecret() {
        assertFalse(signer.toString().contains(SECRET));
    }
}
