package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.settings.SettingsLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Date;
import java.util.Map;

/** Default {@link RejoinerAdminSettingsService} over {@link RejoinerSettingsDao}. */
public class RejoinerAdminSettingsServiceImpl implements RejoinerAdminSettingsService {

    private static final Logger LOG = LoggerFactory.getLogger(RejoinerAdminSettingsServiceImpl.class);

    private final RejoinerSettingsDao dao;
    private final RejoinerSettingsService settingsService;
    private final SettingsLayer adminLayer;
    private final SettingsValidator validator = new SettingsValidator();
    private ConnectionTester connectionTester = new ConnectionTester();
    private String siteKey = RejoinerSettingsRecord.DEFAULT_SITE;

    /**
     * @param adminLayer the layer that reads the row, invalidated after each save (any layer may be
     *                   given; only an {@link AdminSettingsLayer} has something to invalidate)
     */
    public RejoinerAdminSettingsServiceImpl(RejoinerSettingsDao dao, RejoinerSettingsService settingsService,
            SettingsLayer adminLayer) {
        this.dao = dao;
        this.settingsService = settingsService;
        this.adminLayer = adminLayer;
    }

    public void setConnectionTester(ConnectionTester connectionTester) {
        this.connectionTester = connectionTester;
    }

    public void setSiteKey(String siteKey) {
        this.siteKey = siteKey;
    }

    @Override
    public SettingsForm load() {
        return SettingsRecords.toForm(dao.read(siteKey));
    }

    @Override
    public Map<String, String> save(SettingsForm form, String user) {
        RejoinerSettingsRecord record = dao.read(siteKey);
        Map<String, String> errors = validator.validate(form, record);
        if (!errors.isEmpty()) {
            return errors;
        }
        if (record == null) {
            record = new RejoinerSettingsRecord();
            record.setSiteKey(siteKey);
        }
        SettingsRecords.apply(form, record);
        record.setUpdatedAt(new Date());
        record.setUpdatedBy(user);
        dao.save(record);
        if (adminLayer instanceof AdminSettingsLayer) {
            ((AdminSettingsLayer) adminLayer).invalidate();
        }
        settingsService.invalidate();
        LOG.info("Rejoiner settings of site '{}' saved by {}{}{}", siteKey, user,
                SettingsValidator.trim(form.typed(SettingKey.API_SECRET)) != null ? " (API secret replaced)"
                        : form.isCleared(SettingKey.API_SECRET) ? " (API secret cleared)" : "",
                SettingsValidator.trim(form.typed(SettingKey.API_KEY)) != null ? " (API key replaced)"
                        : form.isCleared(SettingKey.API_KEY) ? " (API key cleared)" : "");
        return errors;
    }

    @Override
    public ConnectionTestResult testConnection(SettingsForm form) {
        ConnectionTestResult result = connectionTester.test(form, dao.read(siteKey));
        LOG.info("Rejoiner connection test: {} (HTTP {})", result.getVerdict(), result.getHttpStatus());
        return result;
    }
}
