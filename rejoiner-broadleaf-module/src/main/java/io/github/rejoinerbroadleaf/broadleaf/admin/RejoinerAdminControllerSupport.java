package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import org.broadleafcommerce.openadmin.server.security.domain.AdminSection;
import org.broadleafcommerce.openadmin.server.security.service.navigation.AdminNavigationService;
import org.springframework.ui.Model;

import javax.annotation.Resource;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Broadleaf 3.1 admin plumbing shared by the Rejoiner screens: the page frame (left menu,
 * breadcrumb) and the permission gate. Pages render inside {@code modules/defaultContainer} with
 * their own template under {@code views/rejoiner/}.
 */
abstract class RejoinerAdminControllerSupport {

    static final String CONTAINER_VIEW = "modules/defaultContainer";

    static final String MISSING_CREDENTIALS = "Conversions are on but no credentials are set: orders are not sent to "
            + "Rejoiner. Set the site id, API key and (Rejoiner 1) API secret, or switch REST conversions off.";

    @Resource(name = "blAdminNavigationService")
    protected AdminNavigationService adminNavigationService;

    @Resource(name = "blRejoinerSettingsService")
    protected RejoinerSettingsService settingsService;

    /** Fills what Broadleaf's page frame needs and returns the container view. */
    protected String page(Model model, String sectionUrl, String viewType) {
        AdminSection section = adminNavigationService.findAdminSectionByURI(sectionUrl);
        if (section != null) {
            model.addAttribute("sectionKey", sectionUrl.substring(1));
            model.addAttribute("currentAdminModule", section.getModule());
            model.addAttribute("currentAdminSection", section);
        }
        model.addAttribute("viewType", viewType);
        model.addAttribute("canChange", RejoinerAdminAccess.canChange());
        model.addAttribute("missingCredentialsBanner", missingCredentials(settingsService.current()));
        return CONTAINER_VIEW;
    }

    /** The banner text while REST conversions are on without the credentials they need, else null. */
    static String missingCredentials(RejoinerSettings settings) {
        return settings.conversionsEnabled() && !settings.isConversionsActive() ? MISSING_CREDENTIALS : null;
    }

    /** Sends 403 unless the admin may view the Rejoiner screens; true when allowed. */
    protected static boolean mayRead(HttpServletResponse response) throws IOException {
        if (RejoinerAdminAccess.canRead()) {
            return true;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "The Rejoiner permission is required");
        return false;
    }

    /** Sends 403 unless the admin may change Rejoiner settings and deliveries; true when allowed. */
    protected static boolean mayChange(HttpServletResponse response) throws IOException {
        if (RejoinerAdminAccess.canChange()) {
            return true;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "The Rejoiner permission (ALL) is required");
        return false;
    }
}
