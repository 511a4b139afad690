package io.github.rejoinerbroadleaf.sample;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A shopper with a cookie jar, talking plain HTTP to the store the way a browser without
 * JavaScript would: GET pages, POST forms with the CSRF token the page carries.
 */
public final class Shopper {

    private final String baseUrl;
    private final HttpClient http;
    private String csrfToken;

    public Shopper(SampleStore store) {
        this(store.port());
    }

    /** A shopper of the store on this local port (e.g. one running in a JVM of its own). */
    public Shopper(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** GETs a page, following redirects, and remembers its CSRF token. */
    public Page get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET().build());
        while (isRedirect(response.statusCode())) {
            response = send(HttpRequest.newBuilder(uri(location(response))).GET().build());
        }
        Page page = new Page(response);
        Element token = page.document().selectFirst("input[name=csrfToken]");
        if (token != null) {
            csrfToken = token.val();
        }
        return page;
    }

    /** GETs a page without following redirects or parsing it; returns the status (for timing). */
    public int fetch(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** POSTs a form with the last CSRF token; returns the raw response (redirects not followed). */
    public HttpResponse<String> post(String path, String... keyValues) throws IOException, InterruptedException {
        return post(HttpRequest.newBuilder(uri(path)), path, keyValues);
    }

    /** As {@link #post}, the way a page's script posts by XHR ({@code X-Requested-With: XMLHttpRequest}). */
    public HttpResponse<String> xhrPost(String path, String... keyValues) throws IOException, InterruptedException {
        return post(HttpRequest.newBuilder(uri(path)).header("X-Requested-With", "XMLHttpRequest"), path, keyValues);
    }

    /** GETs without following redirects or parsing, sending the given header name/value pairs. */
    public HttpResponse<String> getRaw(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private HttpResponse<String> post(HttpRequest.Builder request, String path, String... keyValues)
            throws IOException, InterruptedException {
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
        return send(request
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /**
     * POSTs a form as the store's cart.js does: by XHR ({@code X-Requested-With: XMLHttpRequest}),
     * with the last CSRF token, accepting {@code accept}. Returns the raw response.
     */
    public HttpResponse<String> postXhr(String path, String accept, String... keyValues) throws IOException, InterruptedException {
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
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /**
     * Adds one product to the cart and checks out as a guest with the test payment.
     *
     * @return the order number shown on the confirmation page
     */
    public String placeOrder(String email, String productPath, String productId, String quantity)
            throws IOException, InterruptedException {
        get(productPath);
        expectRedirect(post("/cart/add", "productId", productId, "quantity", quantity));
        return checkOut(email);
    }

    /** Checks the current cart out as a guest with the test payment; returns the order number. */
    public String checkOut(String email) throws IOException, InterruptedException {
        get("/checkout");
        expectRedirect(post("/checkout/savedetails", "emailAddress", email));
        expectRedirect(post("/checkout/singleship", "address.firstName", "Test", "address.lastName", "Shopper",
                "address.addressLine1", "1 Main St", "address.city", "Austin", "address.state", "TX",
                "address.postalCode", "78701", "address.country", "US", "fulfillmentOptionId", "1"));
        HttpResponse<String> placed = post("/checkout/test-payment/complete");
        expectRedirect(placed);
        return get(location(placed)).text("#order-number");
    }

    private static void expectRedirect(HttpResponse<String> response) {
        if (!isRedirect(response.statusCode())) {
            throw new AssertionError("expected a redirect, got " + response.statusCode() + ":\n" + response.body());
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303;
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A fetched page: status and parsed HTML. */
    public record Page(int status, String body, Document document) {
        Page(HttpResponse<String> response) {
            this(response.statusCode(), response.body(), Jsoup.parse(response.body()));
        }

        public String text(String cssQuery) {
            Element element = document.selectFirst(cssQuery);
            if (element == null) {
                throw new AssertionError("No " + cssQuery + " on the page:\n" + body);
            }
            return element.text();
        }
    }
}
