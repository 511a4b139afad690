package io.github.rejoinerbroadleaf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** /api/events and /api/js-events over HTTP, and the bounded store behind them. */
class EventsApiTest {

    private static final String REPORT = "{\"visitor\":\"v-1\",\"pageId\":\"p-1\",\"page\":\"http://shop/cart\",\"first\":0,"
            + "\"calls\":[[\"setAccount\",\"sandbox-site\"],[\"setCartData\",{\"cart_value\":100,\"customer_order_number\":\"O-9\"}],"
            + "[\"setCustomerEmail\",{\"email\":\"v@example.com\"}],[\"startNewOrder\"]]}";

    private SandboxServer server;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> report(String json) throws Exception {
        return server.send("POST", "/api/js-events", json, "Content-Type", "text/plain;charset=UTF-8");
    }

    @Test
    void aReportFromAnotherOriginIsRefusedAndNotStored() throws Exception {
        HttpResponse<String> fromElsewhere = server.send("POST", "/api/js-events", REPORT,
                "Content-Type", "text/plain;charset=UTF-8", "Origin", "https://evil.example");
        HttpResponse<String> refererElsewhere = server.send("POST", "/api/js-events", REPORT,
                "Content-Type", "text/plain;charset=UTF-8", "Referer", "https://evil.example/page");

        assertEquals(List.of(403, 403, 0), List.of(fromElsewhere.statusCode(), refererElsewhere.statusCode(),
                server.events().size()));
    }

    @Test
    void aReportFromTheSandboxesOwnOriginIsAccepted() throws Exception {
        String own = server.origin();
        HttpResponse<String> sameOrigin = server.send("POST", "/api/js-events", REPORT,
                "Content-Type", "text/plain;charset=UTF-8", "Origin", own);

        assertEquals(200, sameOrigin.statusCode(), sameOrigin.body());
    }

    @Test
    void aPageReportBecomesOneEventPerCallWithTheCallsIndexes() throws Exception {
        report(REPORT);

        List<String> seen = new ArrayList<>();
        for (JsonNode e : server.events()) {
            seen.add(e.get("id").asLong() + ":" + e.get("index").asInt() + ":" + e.get("call").asText());
        }
        assertEquals(List.of("4:3:startNewOrder", "3:2:setCustomerEmail", "2:1:setCartData", "1:0:setAccount"), seen);
    }

    @Test
    void aJsEventEntryCarriesVisitorPageArgumentAndValidation() throws Exception {
        report(REPORT);

        JsonNode cartData = server.events().get(2);
        assertEquals("js javascript v-1 p-1 http://shop/cart O-9 100 true true []",
                cartData.get("source").asText() + " " + cartData.get("api").asText() + " " + cartData.get("visitor").asText()
                        + " " + cartData.get("pageId").asText() + " " + cartData.get("page").asText() + " "
                        + cartData.get("orderNumber").asText() + " " + cartData.get("argument").get("cart_value").asInt() + " "
                        + cartData.get("valid").asBoolean() + " " + cartData.get("accepted").asBoolean() + " "
                        + cartData.get("problems"));
    }

    @Test
    void theReportAnswerListsEachCallsFindings() throws Exception {
        HttpResponse<String> response = report("{\"visitor\":\"v-1\",\"calls\":[[\"setCartItem\",{\"product_id\":\"A\"}]]}");

        JsonNode answer = SandboxServer.JSON.readTree(response.body()).get("events").get(0);
        assertEquals("200 setCartItem false category", response.statusCode() + " " + answer.get("call").asText() + " "
                + answer.get("valid").asBoolean() + " " + answer.get("problems").get(0).get("field").asText());
    }

    @Test
    void anUnusableReportIsAnswered400AndRecorded() throws Exception {
        HttpResponse<String> response = report("{\"visitor\":\"v-1\"");

        assertEquals("400 (report) false", response.statusCode() + " " + server.newestEvent().get("call").asText() + " "
                + server.newestEvent().get("valid").asBoolean());
    }

    @Test
    void sinceReturnsOnlyNewerEvents() throws Exception {
        report(REPORT);

        JsonNode events = SandboxServer.JSON.readTree(server.get("/api/events?since=2").body()).get("events");
        assertEquals("[4,3]", "[" + events.get(0).get("id") + "," + events.get(1).get("id") + "]" + (events.size() == 2 ? "" : " and more"));
    }

    @Test
    void filteringByOrderNumberKeepsThatOrdersEvents() throws Exception {
        report(REPORT);

        JsonNode events = SandboxServer.JSON.readTree(server.get("/api/events?order=O-9").body()).get("events");
        assertEquals("1 setCartData", events.size() + " " + events.get(0).get("call").asText());
    }

    @Test
    void deleteWithTheHeaderClearsButIdsGoOn() throws Exception {
        report(REPORT);
        server.send("DELETE", "/api/events", null, SandboxServlet.API_HEADER, "1");
        report(REPORT);

        assertEquals("4 events, newest 8", server.events().size() + " events, newest " + server.newestEvent().get("id").asLong());
    }

    @Test
    void clearWithoutTheHeaderIsRefused() throws Exception {
        report(REPORT);

        HttpResponse<String> response = server.send("POST", "/api/events/clear", "", "Origin", server.origin());

        assertEquals("403 4", response.statusCode() + " " + server.events().size());
    }

    @Test
    void postClearWithTheHeaderClears() throws Exception {
        report(REPORT);

        server.send("POST", "/api/events/clear", "", SandboxServlet.API_HEADER, "1");

        assertEquals(0, server.events().size());
    }

    @Test
    void theStoreKeepsOnlyTheNewestEvents() {
        EventStore store = new EventStore(3, Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            store.add(new SandboxEvent.Builder(SandboxEvent.JS, "javascript").call("startNewOrder"));
        }

        List<Long> ids = new ArrayList<>();
        store.newestFirst(0).forEach(e -> ids.add(e.id));
        assertEquals(List.of(5L, 4L, 3L), ids);
    }
}
