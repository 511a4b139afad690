package io.github.rejoinerbroadleaf.broadleaf.admin;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;

/** JPA implementation over Broadleaf's {@code blPU} persistence unit. */
public class RejoinerSettingsDaoImpl implements RejoinerSettingsDao {

    @PersistenceContext(unitName = "blPU")
    protected EntityManager em;

    @Override
    public RejoinerSettingsRecord read(String siteKey) {
        return em.find(RejoinerSettingsRecord.class, siteKey);
    }

    @Override
    public RejoinerSettingsRecord save(RejoinerSettingsRecord record) {
        return em.merge(record);
    }
}
