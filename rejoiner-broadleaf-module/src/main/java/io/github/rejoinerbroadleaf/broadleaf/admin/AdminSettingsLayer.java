package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.settings.SettingsLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collections;
import java.util.Map;

/**
 * The settings layer of values saved in the Broadleaf admin ({@code RJ_ADMIN_SETTINGS}), first in
 * {@code blRejoinerSettingsLayers}. The resolver asks for each key in turn, so the row is read once
 * (in a read-only transaction) and reused for {@link #SNAPSHOT_MILLIS}; the admin calls
 * {@link #invalidate()} after saving. When the row cannot be read (table missing, database down)
 * the layer keeps answering the last values it read (nothing, if it never read any, and then the
 * other layers apply) and says it is not {@link #available()}, so sandbox mode never takes over.
 */
public class AdminSettingsLayer implements SettingsLayer {

    private static final Logger LOG = LoggerFactory.getLogger(AdminSettingsLayer.class);

    /** How long one read of the row serves the resolver; far below the settings service's own cache. */
    static final long SNAPSHOT_MILLIS = 1000;

    private final RejoinerSettingsDao dao;
    private final TransactionTemplate readOnly;
    private final String siteKey;
    private volatile Snapshot snapshot;
    private volatile Map<SettingKey, String> lastGood;
    private volatile boolean readFailed;
    private volatile boolean failureLogged;

    public AdminSettingsLayer(RejoinerSettingsDao dao, PlatformTransactionManager transactionManager) {
        this(dao, transactionManager, RejoinerSettingsRecord.DEFAULT_SITE);
    }

    public AdminSettingsLayer(RejoinerSettingsDao dao, PlatformTransactionManager transactionManager, String siteKey) {
        this.dao = dao;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.siteKey = siteKey;
    }

    @Override
    public String get(SettingKey key) {
        return values().get(key);
    }

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public boolean available() {
        values();
        return !readFailed;
    }

    /** Forgets the last read, so the next lookup sees what the admin just saved. */
    public void invalidate() {
        snapshot = null;
    }

    private Map<SettingKey, String> values() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s != null && now - s.readAtNanos < SNAPSHOT_MILLIS * 1_000_000L) {
            return s.values;
        }
        Map<SettingKey, String> values;
        try {
            values = readOnly.execute(new TransactionCallback<Map<SettingKey, String>>() {
                @Override
                public Map<SettingKey, String> doInTransaction(TransactionStatus status) {
                    return SettingsRecords.values(dao.read(siteKey));
                }
            });
            failureLogged = false;
            readFailed = false;
            lastGood = values;
        } catch (RuntimeException e) {
            readFailed = true;
            Map<SettingKey, String> previous = lastGood;
            if (!failureLogged) {
                failureLogged = true;
                LOG.error("Rejoiner admin settings could not be read; {} (sandbox mode stays off): {}",
                        previous == null ? "using the other settings layers" : "keeping the values read last",
                        e.toString());
            }
            values = previous == null ? Collections.<SettingKey, String>emptyMap() : previous;
        }
        snapshot = new Snapshot(values, now);
        return values;
    }

    private static final class Snapshot {
        final Map<SettingKey, String> values;
        final long readAtNanos;

        Snapshot(Map<SettingKey, String> values, long readAtNanos) {
            this.values = values;
            this.readAtNanos = readAtNanos;
        }
    }
}
