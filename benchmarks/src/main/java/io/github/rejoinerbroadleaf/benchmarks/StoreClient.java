package io.github.rejoinerbroadleaf.benchmarks;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One shopper with its own cookie jar (own session and cart), talking HTTP/1.1 over loopback to the
 * store like a browser without JavaScript: GET pages, POST forms with the page's CSRF token.
 */
final class StoreClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CSRF_REVERSED = Pattern.compile("value=\"([^\"]+)\"\\s+name=\"csrfToken\"");

    private final String baseUrl;
    private final HttpClient http;
    private String csrfToken;

    private final CookieManager cookies;

    StoreClient(String baseUrl) {
        this(baseUrl, new CookieManager());
    }

    private StoreClient(String baseUrl, CookieManager cookies) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** GETs a page, following redirects, and remembers its CSRF token; throws unless it ends in 200. */
    String page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET().build());
        for (int hops = 0; isRedirect(response.statusCode()) && hops < 5; hops++) {
            response = send(HttpRequest.newBuilder(uri(location(response))).GET().build());
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        String body = response.body();
        Matcher m = CSRF.matcher(body);
        Matcher r = CSRF_REVERSED.matcher(body);
        if (m.find()) {
            csrfToken = m.group(1);
        } else if (r.find()) {
            csrfToken = r.group(1);
        }
        return body;
    }

    /**
     * One timed round trip: GET without following redirects, body read and discarded (the bytes the
     * tracking adds are part of its cost; parsing them is not server time).
     *
     * @return nanoseconds from sending the request to the last byte of the response
     */
    long timedGet(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header(ServerTimer.HEADER, "1").GET().build();
        long start = System.nanoTime();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return elapsed;
    }

    /** The same shopper (cookies, so session and cart) on new connections of its own. */
    StoreClient sameShopperNewConnection() {
        StoreClient other = new StoreClient(baseUrl, cookies);
        other.csrfToken = csrfToken;
        return other;
    }

    /** Whether the server sent this page with chunked transfer encoding (it did not fit its response buffer). */
    boolean isChunked(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET().build());
        return response.headers().firstValue("Transfer-Encoding").map(v -> v.contains("chunked")).orElse(false);
    }

    /** POSTs a form with the last CSRF token seen; redirects are not followed. */
    HttpResponse<String> post(String path, String... keyValues) throws IOException, InterruptedException {
        return send(postRequest(path, keyValues));
    }

    /** Builds the POST now, so that a caller can time only {@link #send}. */
    HttpRequest postRequest(String path, String... keyValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            form.put(keyValues[i], keyValues[i + 1]);
        }
        if (csrfToken != null) {
            form.put("csrfToken", csrfToken);
        }
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** POSTs and insists on a redirect (the store's answer to a successful form). */
    HttpResponse<String> postExpectingRedirect(String path, String... keyValues) throws IOException, InterruptedException {
        HttpResponse<String> response = post(path, keyValues);
        if (!isRedirect(response.statusCode())) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + " instead of a redirect:\n"
                    + abbreviate(response.body()));
        }
        return response;
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303;
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("redirect without Location"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }
}
