package io.github.rejoinerbroadleaf.sample;

import io.github.rejoinerbroadleaf.broadleaf.restore.CartRestoreService;
import io.github.rejoinerbroadleaf.restore.RestoreLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mail scanners and browser prefetches open links before (or instead of) the shopper: such requests
 * must not create a session or a cart. And a promo code anyone can append to a link is applied only
 * when it is a valid, active offer code.
 */
@ExtendWith(RunningStore.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreLinkScannerTest {

    private SampleStore store;
    private String link;

    @BeforeAll
    void makeALink(SampleStore store) {
        this.store = store;
        link = service().restoreUrl(List.of(RestoreLine.of(1L, 1L, 2)), "http://localhost:" + store.port());
    }

    private CartRestoreService service() {
        return store.bean("blRejoinerCartRestoreService", CartRestoreService.class);
    }

    /** A client without cookies, as a scanner is. */
    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long carts() throws Exception {
        try (Connection c = RunningStore.database(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM BLC_ORDER")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Status, whether a cookie was set, and how many carts the request created. */
    private static List<Object> outcome(HttpRequest request) throws Exception {
        long before = carts();
        HttpResponse<String> response = send(request);
        return List.of(response.statusCode(), response.headers().firstValue("Set-Cookie").isPresent(), carts() - before);
    }

    @Test
    void aSecPurposePrefetchCreatesNoSessionAndNoCart() throws Exception {
        assertEquals(List.of(503, false, 0L),
                outcome(HttpRequest.newBuilder(URI.create(link)).header("Sec-Purpose", "prefetch").GET().build()));
    }

    @Test
    void aPurposePrefetchCreatesNoSessionAndNoCart() throws Exception {
        assertEquals(List.of(503, false, 0L),
                outcome(HttpRequest.newBuilder(URI.create(link)).header("Purpose", "prefetch").GET().build()));
    }

    @Test
    void headIsMethodNotAllowedAndCreatesNothing() throws Exception {
        assertEquals(List.of(405, false, 0L),
                outcome(HttpRequest.newBuilder(URI.create(link)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build()));
    }

    @Test
    void postIsMethodNotAllowed() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(link))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x=1")).build());
        assertEquals(List.of(405, "GET"), List.of(response.statusCode(), response.headers().firstValue("Allow").orElse("")));
    }

    @Test
    void anUnsignedPromoThatIsNoValidOfferCreatesNoCart() throws Exception {
        String nothingSellable = service().restoreUrl(List.of(RestoreLine.of(987654L, 987654L, 1)),
                "http://localhost:" + store.port());
        List<Object> outcome = outcome(HttpRequest.newBuilder(URI.create(nothingSellable + "&promo=NOSUCHCODE")).GET().build());
        assertEquals(List.of(302, 0L), List.of(outcome.get(0), outcome.get(2)), "status and carts created");
    }

    @Test
    void aRealOpeningStillRestoresTheCart() throws Exception {
        assertEquals(List.of(302, true, 1L), outcome(HttpRequest.newBuilder(URI.create(link)).GET().build()));
    }
}
