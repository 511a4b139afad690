package io.github.rejoinerbroadleaf.broadleaf.install;

import io.github.rejoinerbroadleaf.broadleaf.admin.JdbcSettingsTable;
import io.github.rejoinerbroadleaf.broadleaf.admin.RejoinerSettingsController;
import io.github.rejoinerbroadleaf.broadleaf.restore.CartRestoreController;
import io.github.rejoinerbroadleaf.broadleaf.tracking.RejoinerDialect;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.dialect.IDialect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the module found when the store started, in one INFO line, plus one WARN per missing piece
 * of the install (README, "Install into an existing Broadleaf 3.1 site"). Bean
 * {@code blRejoinerStartupCheck} in the root context: it sees the refresh of the root context and of
 * every DispatcherServlet context below it (Spring passes child events up), noting which of them
 * hold the restore-link endpoint and the admin screens. The line is written at the first request
 * the module sees (every servlet has started by then), or by {@link #report()}.
 *
 * <p>In a package of its own because it looks at every other part of the module (settings table,
 * admin screens, restore endpoint, dialect); nothing of the module depends on it.
 */
public class RejoinerStartupCheck implements ApplicationListener<ContextRefreshedEvent>, Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RejoinerStartupCheck.class);

    /** The bean name of Broadleaf's storefront template engine. */
    static final String WEB_TEMPLATE_ENGINE = "blWebTemplateEngine";

    private final RejoinerSettingsService settings;
    private final JdbcSettingsTable settingsTable;
    private final RejoinerDialect dialect;
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile Boolean dialectMerged;
    private volatile boolean restoreEndpoint;
    private volatile boolean adminScreens;

    public RejoinerStartupCheck(RejoinerSettingsService settings, JdbcSettingsTable settingsTable, RejoinerDialect dialect) {
        this.settings = settings;
        this.settingsTable = settingsTable;
        this.dialect = dialect;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        try {
            ApplicationContext context = event.getApplicationContext();
            // local beans only: each context says what it holds itself
            if (context.getBeanNamesForType(CartRestoreController.class, false, false).length > 0) {
                restoreEndpoint = true;
            }
            if (context.getBeanNamesForType(RejoinerSettingsController.class, false, false).length > 0) {
                adminScreens = true;
            }
            if (dialectMerged == null && context.containsLocalBean(WEB_TEMPLATE_ENGINE)) {
                Object engine = context.getBean(WEB_TEMPLATE_ENGINE);
                dialectMerged = engine instanceof TemplateEngine && hasDialect((TemplateEngine) engine);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Rejoiner start-up check could not inspect a Spring context: {}", e.toString());
        }
    }

    private boolean hasDialect(TemplateEngine engine) {
        for (IDialect d : engine.getDialects()) {
            if (d == dialect || d instanceof RejoinerDialect) {
                return true;
            }
        }
        return false;
    }

    /** {@link #reportOnce()}: what the tracking interceptor runs at the first request. */
    @Override
    public void run() {
        reportOnce();
    }

    /** Writes the report once (later calls do nothing); never throws. */
    public void reportOnce() {
        if (reported.compareAndSet(false, true)) {
            report();
        }
    }

    /** Writes the INFO line and the warnings; returns the warnings (for tests). */
    public List<String> report() {
        List<String> warnings = new ArrayList<String>();
        try {
            RejoinerSettings s = settings.current();
            boolean placement = Boolean.TRUE.equals(dialectMerged);
            boolean table = settingsTable.tableExists();
            LOG.info("Rejoiner: tracking {}, placement {}, conversions {}, cart restore endpoint {}, admin screens {}, admin settings table {}",
                    s.isTrackingActive() ? "on (site " + s.siteId() + ")" : s.trackingEnabled() ? "on but no site id" : "off",
                    !placement ? "template hook only (dialect missing)"
                            : s.automaticPlacement() ? "automatic (end of <body>; the template hook still wins)" : "template hook only (automaticPlacement=false)",
                    s.isConversionsActive() ? "on" : s.conversionsEnabled() ? "on but credentials missing" : "off",
                    restoreEndpoint ? "mapped" : "not mapped",
                    adminScreens ? "present" : "not in this application",
                    table ? "present" : "absent (the admin screen creates it on first use)");
            if (!placement) {
                warnings.add("automatic placement is unavailable: " + WEB_TEMPLATE_ENGINE + " has no Rejoiner dialect. List "
                        + "classpath*:bl-rejoiner-applicationContext.xml in patchConfigLocation (after a file that replaces "
                        + WEB_TEMPLATE_ENGINE + "), or put ${#rejoiner.trackingScript()} at the end of every <body>");
            }
            if (s.trackingEnabled() && s.siteId() == null) {
                warnings.add("no Rejoiner site id: nothing is tracked or converted. Set rejoiner.siteId (or REJOINER_SITE_ID, or the admin screen)");
            }
            if (s.conversionsEnabled() && s.siteId() != null && !s.isConversionsActive()) {
                warnings.add("REST conversions are on but the API key" + (s.apiGeneration().name().endsWith("1") ? " or secret" : "")
                        + " is missing: orders are not converted");
            }
            if (!restoreEndpoint) {
                warnings.add("cart restore links are not served (e-mails link to the plain cart page): add "
                        + "classpath*:bl-rejoiner-servlet.xml to the storefront DispatcherServlet's contextConfigLocation");
            }
            for (String w : warnings) {
                LOG.warn("Rejoiner install: {}", w);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Rejoiner start-up check failed: {}", e.toString());
        }
        return warnings;
    }
}
