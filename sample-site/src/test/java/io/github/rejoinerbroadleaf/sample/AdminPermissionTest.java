package io.github.rejoinerbroadleaf.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only admin users with the Rejoiner permission reach the Rejoiner screens (over plain HTTP). */
@ExtendWith(RunningStore.class)
class AdminPermissionTest {

    private static Shopper loggedIn(SampleStore store, String user, String password) throws Exception {
        Shopper admin = new Shopper(store);
        admin.get("/admin/login");
        HttpResponse<String> login = admin.post("/admin/login_admin_post", "j_username", user, "j_password", password);
        assertTrue(Shopper.isRedirect(login.statusCode()), "login redirects");
        assertFalse(Shopper.location(login).contains("login_error"), "login of " + user + " succeeds");
        return admin;
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage(SampleStore store) throws Exception {
        Shopper anonymous = new Shopper(store);
        Shopper.Page page = anonymous.get("/admin/rejoiner-settings");
        assertEquals(200, page.status());
        assertTrue(page.document().select("input[name=j_username]").size() == 1, "the login form is shown");
        assertFalse(page.body().contains("rejoiner-settings-form"));
    }

    @Test
    void anAdminWithoutTheRejoinerPermissionIsRefused(SampleStore store) throws Exception {
        Shopper merchandiser = loggedIn(store, "merchandiser", "merchandiser");
        assertEquals(403, merchandiser.get("/admin/rejoiner-settings").status());
        assertEquals(403, merchandiser.get("/admin/rejoiner-deliveries").status());
        assertEquals(403, merchandiser.get("/admin/rejoiner-deliveries?status=FAILED").status());
        merchandiser.get("/admin/login");
        assertEquals(403, merchandiser.post("/admin/rejoiner-settings", "siteId", "hijack").statusCode());
        assertEquals(403, merchandiser.post("/admin/rejoiner-deliveries/1/retry").statusCode());
    }

    @Test
    void anAdminWithThePermissionSeesBothScreens(SampleStore store) throws Exception {
        Shopper admin = loggedIn(store, "admin", "admin");
        Shopper.Page settings = admin.get("/admin/rejoiner-settings");
        assertEquals(200, settings.status());
        assertEquals(1, settings.document().select("#rejoiner-settings-form").size(), settings.body());
        Shopper.Page log = admin.get("/admin/rejoiner-deliveries");
        assertEquals(200, log.status());
        assertEquals(1, log.document().select("#rejoiner-delivery-table").size(), log.body());
    }
}
