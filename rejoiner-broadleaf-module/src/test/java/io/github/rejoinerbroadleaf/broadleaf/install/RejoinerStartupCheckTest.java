package io.github.rejoinerbroadleaf.broadleaf.install;

import io.github.rejoinerbroadleaf.broadleaf.admin.JdbcSettingsTable;
import io.github.rejoinerbroadleaf.broadleaf.restore.CartRestoreController;
import io.github.rejoinerbroadleaf.broadleaf.restore.CartRestoreService;
import io.github.rejoinerbroadleaf.broadleaf.tracking.RejoinerDialect;
import io.github.rejoinerbroadleaf.broadleaf.tracking.StorefrontTracker;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.settings.SettingsResolver;
import io.github.rejoinerbroadleaf.settings.StandardLayers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.support.StaticApplicationContext;
import org.thymeleaf.TemplateEngine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The start-up check names each missing install step, and nothing when the install is complete. */
class RejoinerStartupCheckTest {

    private final Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
    private final JdbcSettingsTable table = mock(JdbcSettingsTable.class);
    private final RejoinerDialect dialect = new RejoinerDialect(mock(StorefrontTracker.class));
    private RejoinerStartupCheck check;

    @BeforeEach
    void setUp() {
        values.put(SettingKey.SITE_ID, "site-1");
        values.put(SettingKey.API_KEY, "key");
        values.put(SettingKey.API_SECRET, "secret");
        RejoinerSettingsService settings = mock(RejoinerSettingsService.class);
        when(settings.current()).thenAnswer(i -> new SettingsResolver(StandardLayers.fixed("test", values)).resolve());
        when(table.tableExists()).thenReturn(true);
        check = new RejoinerStartupCheck(settings, table, dialect);
    }

    @Test
    void aCompleteInstallHasNoWarnings() {
        refreshed(rootWithEngine(true));
        refreshed(storefrontServletWithRestoreEndpoint());

        assertEquals(List.of(), check.report());
    }

    @Test
    void aStoreEngineWithoutTheDialectIsReported() {
        refreshed(rootWithEngine(false));
        refreshed(storefrontServletWithRestoreEndpoint());

        List<String> warnings = check.report();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("bl-rejoiner-applicationContext.xml"), warnings.get(0));
    }

    @Test
    void aMissingRestoreEndpointNamesTheServletFile() {
        refreshed(rootWithEngine(true));

        List<String> warnings = check.report();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("classpath*:bl-rejoiner-servlet.xml"), warnings.get(0));
    }

    @Test
    void missingCredentialsAreReported() {
        values.remove(SettingKey.SITE_ID);
        refreshed(rootWithEngine(true));
        refreshed(storefrontServletWithRestoreEndpoint());

        List<String> warnings = check.report();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("site id"), warnings.get(0));
    }

    private void refreshed(StaticApplicationContext context) {
        check.onApplicationEvent(new ContextRefreshedEvent(context));
    }

    private StaticApplicationContext rootWithEngine(boolean withDialect) {
        TemplateEngine engine = new TemplateEngine();
        if (withDialect) {
            engine.addDialect(dialect);
        }
        StaticApplicationContext root = new StaticApplicationContext();
        root.getBeanFactory().registerSingleton(RejoinerStartupCheck.WEB_TEMPLATE_ENGINE, engine);
        return root;
    }

    private static StaticApplicationContext storefrontServletWithRestoreEndpoint() {
        StaticApplicationContext servlet = new StaticApplicationContext();
        servlet.getBeanFactory().registerSingleton("blRejoinerCartRestoreController",
                new CartRestoreController(mock(CartRestoreService.class)));
        return servlet;
    }
}
