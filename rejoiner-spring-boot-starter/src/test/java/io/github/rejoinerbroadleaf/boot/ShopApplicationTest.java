package io.github.rejoinerbroadleaf.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.core.RequestSigner;
import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.delivery.QueueStatus;
import io.github.rejoinerbroadleaf.delivery.QueuedConversion;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The shop in the test sources ({@code shop.ShopApplication}) started as a real Boot web application
 * on a random port with Rejoiner's REST API played by MockWebServer; subclasses choose the database.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ShopApplicationTest {

    static final String SECRET = StarterFixtures.API_SECRET;
    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*>(.*?)</script>", Pattern.DOTALL);
    private static final String DOCUMENT_STUB = "var __loaded = [];\n"
            + "var document = { createElement: function (tag) { return { tagName: tag }; },\n"
            + "  getElementsByTagName: function () { return [{ parentNode: { insertBefore: function (node) {\n"
            + "    __loaded.push(node.src); } } }]; } };\n";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ConversionQueue queue;

    /** One call Rejoiner received. */
    static final class Call {
        final String path;
        final String authorization;
        final byte[] body;

        Call(RecordedRequest request) {
            this.path = request.getPath();
            this.authorization = request.getHeader("Authorization");
            this.body = request.getBody().readByteArray();
        }

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Rejoiner's REST API: answers 200 and keeps every call (the tests share it, so they pick theirs by order number). */
    static final class FakeRejoiner implements AutoCloseable {
        final MockWebServer server = new MockWebServer();
        final List<Call> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

        FakeRejoiner() {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    calls.add(new Call(request));
                    return new MockResponse().setResponseCode(200).setBody("{}");
                }
            });
            try {
                server.start(InetAddress.getLoopbackAddress(), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws IOException {
            server.shutdown();
        }
    }

    /** The shop's configuration: what a store puts in application.properties, plus test timings. */
    static void shopProperties(DynamicPropertyRegistry registry, FakeRejoiner rejoiner, String jdbcUrl) {
        registry.add("spring.datasource.url", () -> jdbcUrl);
        registry.add("rejoiner.site-id", () -> StarterFixtures.SITE_ID);
        registry.add("rejoiner.domain", () -> ".shop.example");
        registry.add("rejoiner.api-key", () -> StarterFixtures.API_KEY);
        registry.add("rejoiner.api-secret", () -> SECRET);
        registry.add("rejoiner.api-url", () -> rejoiner.server.url("/").toString());
        registry.add("rejoiner.delivery.poll-interval", () -> "100ms");
        registry.add("management.endpoints.web.exposure.include", () -> "health,configprops");
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    abstract FakeRejoiner rejoiner();

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void theProductPageRunsTheTrackingScript() {
        String html = http.getForObject(url("/products/p1"), String.class);
        Matcher m = SCRIPT.matcher(html);
        assertThat(m.find()).as("a script element in %s", html).isTrue();

        Object pushed = Rhino.eval(Arrays.asList(DOCUMENT_STUB, m.group(1)), "_rejoiner");
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("product_id", "p1");
        view.put("name", "Trail Shoe");
        view.put("category", Arrays.asList("Shoes"));
        view.put("price", 8950L);
        view.put("product_url", url("/products/p1"));
        assertThat(pushed).isEqualTo(Arrays.asList(
                Arrays.asList("setAccount", StarterFixtures.SITE_ID),
                Arrays.asList("setDomain", ".shop.example"),
                Arrays.asList("trackProductView", view)));
        assertThat(Rhino.eval(Arrays.asList(DOCUMENT_STUB, m.group(1)), "__loaded"))
                .isEqualTo(Arrays.asList("https://cdn.rejoiner.com/js/v4/rejoiner.lib.js"));
    }

    @Test
    void aCheckoutReachesRejoinerAsOneSignedConversion() throws Exception {
        String orderNumber = checkout("shopper@example.com", "p2", 2);

        assertThat(Poll.until(Duration.ofSeconds(30), () -> !callsFor(orderNumber).isEmpty()))
                .as("conversion of %s sent to Rejoiner", orderNumber).isTrue();
        Call call = callsFor(orderNumber).get(0);
        String path = "/api/1.0/site/" + StarterFixtures.SITE_ID + "/lead/convert";
        assertThat(call.path).isEqualTo(path);
        assertThat(new RequestSigner(StarterFixtures.API_KEY, SECRET)
                .verify(call.authorization, "POST", path, call.body)).isTrue();
        JsonNode json = new ObjectMapper().readTree(call.body);
        assertThat(json.get("email").asText()).isEqualTo("shopper@example.com");
        assertThat(json.get("cart_data").get("customer_order_number").asText()).isEqualTo(orderNumber);
        assertThat(json.get("cart_data").get("cart_value").asLong()).isEqualTo(25800L);

        assertThat(Poll.until(Duration.ofSeconds(15), () -> status(orderNumber).equals(Optional.of(QueueStatus.SENT))))
                .as("row of %s marked SENT", orderNumber).isTrue();
        Thread.sleep(500); // a second call would come within the next polls
        assertThat(callsFor(orderNumber)).hasSize(1);
    }

    @Test
    void theConfirmationPageSendsTheConversionCall() {
        String html = postCheckout("buyer@example.com", "p1", 1);
        Matcher m = SCRIPT.matcher(html);
        assertThat(m.find()).isTrue();
        @SuppressWarnings("unchecked")
        List<List<Object>> pushed = (List<List<Object>>) Rhino.eval(Arrays.asList(DOCUMENT_STUB, m.group(1)), "_rejoiner");
        assertThat(pushed.get(pushed.size() - 1)).isEqualTo(Arrays.asList("sendConversion"));
    }

    @Test
    void healthReportsTheQueue() throws Exception {
        JsonNode health = new ObjectMapper().readTree(http.getForObject(url("/actuator/health/rejoiner"), String.class));
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("details").has("backlog")).isTrue();
    }

    @Test
    void theSecretIsNeitherLoggedNorShown(CapturedOutput output) {
        postCheckout("quiet@example.com", "p1", 1);
        String props = http.getForObject(url("/actuator/configprops"), String.class);
        assertThat(props).contains("rejoiner").doesNotContain(SECRET);
        assertThat(http.getForObject(url("/products/p1"), String.class)).doesNotContain(SECRET);
        assertThat(output.getAll()).contains("Rejoiner delivery worker started").doesNotContain(SECRET);
    }

    private String checkout(String email, String product, int quantity) {
        Matcher m = Pattern.compile("<p id=\"order\">([^<]+)</p>").matcher(postCheckout(email, product, quantity));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private String postCheckout(String email, String product, int quantity) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("email", email);
        form.add("product", product);
        form.add("quantity", String.valueOf(quantity));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> response = http.postForEntity(url("/checkout"), new HttpEntity<>(form, headers), String.class);
        assertThat(response.getStatusCodeValue()).isEqualTo(200);
        return response.getBody();
    }

    private List<Call> callsFor(String orderNumber) {
        return rejoiner().calls.stream().filter(c -> c.text().contains("\"" + orderNumber + "\""))
                .collect(java.util.stream.Collectors.toList());
    }

    private Optional<QueueStatus> status(String orderNumber) {
        return queue.find(StarterFixtures.SITE_ID, LeadOperation.CONVERT, orderNumber).map(QueuedConversion::status);
    }
}
