package io.github.rejoinerbroadleaf.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.github.rejoinerbroadleaf.core.RequestSigner;

/**
 * Checks a REST call's Authorization header against the one API key (and, for Rejoiner 1, the
 * secret) the sandbox accepts, and says in words what is wrong. No answer ever contains the secret.
 */
final class RestAuth {

    private final String apiKey;
    private final RequestSigner signer;

    RestAuth(String apiKey, String apiSecret) {
        this.apiKey = apiKey;
        this.signer = new RequestSigner(apiKey, apiSecret);
    }

    /**
     * Null when the header is valid, else why not.
     *
     * @param requestPath the full request path as received (what a Rejoiner 1 client signs)
     * @param path        the path below the sandbox's base, to recognise a signature over the wrong path
     */
    String check(boolean rejoiner1, String authorization, String method, String requestPath, String path, byte[] body) {
        return rejoiner1 ? rejoiner1(authorization, method, requestPath, path, body) : rejoiner2(authorization);
    }

    private String rejoiner1(String authorization, String method, String requestPath, String path, byte[] body) {
        if (authorization == null) {
            return "Authorization header missing (expected 'Rejoiner API_KEY:SIGNATURE')";
        }
        if (!authorization.startsWith(RequestSigner.SCHEME + " ")) {
            return "Authorization must start with 'Rejoiner '";
        }
        String credentials = authorization.substring(RequestSigner.SCHEME.length() + 1);
        int colon = credentials.lastIndexOf(':');
        if (colon < 0) {
            return "Authorization has no ':SIGNATURE' (a Rejoiner 2 header sent to Rejoiner 1?)";
        }
        if (!constantTimeEquals(credentials.substring(0, colon), apiKey)) {
            return "unknown API key";
        }
        if (signer.verify(authorization, method, requestPath, body)) {
            return null;
        }
        if (!path.equals(requestPath) && signer.verify(authorization, method, path, body)) {
            return "signature invalid: it signs the path without the base URL's prefix; sign the full request path "
                    + requestPath;
        }
        return "signature invalid: check the secret, and sign exactly '" + method + "\\n" + requestPath
                + "\\n' + the body bytes as sent (UTF-8)";
    }

    private String rejoiner2(String authorization) {
        if (authorization == null) {
            return "Authorization header missing (expected 'Rejoiner API_KEY')";
        }
        String expected = RequestSigner.SCHEME + " " + apiKey;
        if (constantTimeEquals(authorization, expected)) {
            return null;
        }
        if (authorization.startsWith(RequestSigner.SCHEME + " ") && authorization.indexOf(':') > 0) {
            return "Rejoiner 2 expects 'Rejoiner API_KEY' without a signature (a Rejoiner 1 header?)";
        }
        return "unknown API key";
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
