package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.settings.SettingsResolver;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import javax.annotation.Resource;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Rejoiner settings screen at {@code /rejoiner-settings} in the Broadleaf admin. */
@Controller
@RequestMapping("/" + RejoinerSettingsController.SECTION)
public class RejoinerSettingsController extends RejoinerAdminControllerSupport {

    public static final String SECTION = "rejoiner-settings";

    @Resource(name = "blRejoinerAdminSettingsService")
    protected RejoinerAdminSettingsService adminSettingsService;

    @RequestMapping(method = RequestMethod.GET)
    public String show(Model model, HttpServletResponse response) throws Exception {
        if (!mayRead(response)) {
            return null;
        }
        return render(model, adminSettingsService.load(), Collections.<String, String>emptyMap());
    }

    @RequestMapping(method = RequestMethod.POST)
    public String save(HttpServletRequest request, Model model, HttpServletResponse response,
            RedirectAttributes redirect) throws Exception {
        if (!mayChange(response)) {
            return null;
        }
        SettingsForm form = posted(request);
        Map<String, String> errors = adminSettingsService.save(form, RejoinerAdminAccess.currentUser());
        if (!errors.isEmpty()) {
            form.forgetTypedSecret();
            form.markStoredCredentials(adminSettingsService.load());
            model.addAttribute("errorSummary", "The settings were not saved: please correct the fields marked below.");
            return render(model, form, errors);
        }
        redirect.addFlashAttribute("savedMessage", "Settings saved. They apply to the storefront now.");
        return "redirect:/" + SECTION;
    }

    @RequestMapping(value = "/test", method = RequestMethod.POST)
    public String test(HttpServletRequest request, Model model, HttpServletResponse response)
            throws Exception {
        if (!mayChange(response)) {
            return null;
        }
        SettingsForm form = posted(request);
        ConnectionTestResult result = adminSettingsService.testConnection(form);
        form.forgetTypedSecret();
        form.markStoredCredentials(adminSettingsService.load());
        model.addAttribute("testResult", result);
        return render(model, form, Collections.<String, String>emptyMap());
    }

    /**
     * Only the declared settings' fields are read ({@link SettingsForm#allowedFields()}); whether a
     * secret is stored, and a key's last four characters, are the server's to say.
     */
    @SuppressWarnings("unchecked")
    private static SettingsForm posted(HttpServletRequest request) {
        return SettingsForm.bind((Map<String, String[]>) request.getParameterMap());
    }

    private String render(Model model, SettingsForm form, Map<String, String> errors) {
        form.forgetTypedSecret();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        // Only facts about the settings in force go to the page, never the settings object (it holds the secret).
        RejoinerSettings effective = settingsService.current();
        model.addAttribute("trackingActive", effective.isTrackingActive());
        model.addAttribute("conversionsActive", effective.isConversionsActive());
        model.addAttribute("settingsWarnings", effective.warnings());
        model.addAttribute("apiUrlForeign", !SettingsValidator.isRejoinerHost(form.get(SettingKey.API_URL)));
        SettingsResolver resolver = settingsService.resolver();
        Map<String, String> sources = new LinkedHashMap<String, String>();
        for (SettingKey key : SettingKey.values()) {
            sources.put(key.camelName(), resolver.sourceOf(key));
        }
        model.addAttribute("sources", sources);
        model.addAttribute("fields", SettingsField.of(form, errors, sources));
        return page(model, "/" + SECTION, "rejoiner/settings");
    }
}
