package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.broadleaf.web.RateLimitedWarnings;
import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.settings.SettingsLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The settings layer of values saved in the Broadleaf admin ({@code RJ_ADMIN_SETTINGS}), first in
 * {@code blRejoinerSettingsLayers}. The resolver asks for each key in turn, so the row is read once
 * and reused for {@link #SNAPSHOT_MILLIS}; the admin calls {@link #invalidate()} after saving.
 *
 * <p>Storefront requests resolve settings, so this read is on the request path and must never hurt
 * it: it runs with plain JDBC ({@link JdbcSettingsTable}, outside the request's persistence context
 * and transaction) on the layer's own thread, and the request waits at most {@code timeoutMillis}.
 * When the read fails or takes longer, the last values read are kept (none before the first good
 * read: the other layers apply), and the failure is logged at WARN at most once a minute with a
 * count. A store without the table (no admin screens) gets one INFO line and the other layers.
 * While the row cannot be read the layer says it is not {@link #available()}, so the sample's
 * sandbox mode never takes over from settings that exist but could not be read.
 */
public class AdminSettingsLayer implements SettingsLayer {

    private static final Logger LOG = LoggerFactory.getLogger(AdminSettingsLayer.class);

    /** How long one read of the row serves the resolver; far below the settings service's own cache. */
    static final long SNAPSHOT_MILLIS = 1000;
    /** Default longest wait of a request for the row. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 1000;

    private final JdbcSettingsTable table;
    private final String siteKey;
    private final long timeoutMillis;
    private final Clock clock;
    private final RateLimitedWarnings warnings;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(new ThreadFactory() {
        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "rejoiner-settings-read");
            t.setDaemon(true);
            return t;
        }
    });

    private volatile Snapshot snapshot;
    private volatile Map<SettingKey, String> lastGood;
    private volatile Future<Map<SettingKey, String>> pending;
    private volatile boolean absenceLogged;
    private volatile boolean readFailed;

    public AdminSettingsLayer(JdbcSettingsTable table, long timeoutMillis) {
        this(table, RejoinerSettingsRecord.DEFAULT_SITE, timeoutMillis, Clock.systemUTC());
    }

    public AdminSettingsLayer(JdbcSettingsTable table, String siteKey, long timeoutMillis, Clock clock) {
        this.table = table;
        this.siteKey = siteKey;
        this.timeoutMillis = timeoutMillis;
        this.clock = clock;
        this.warnings = new RateLimitedWarnings(LOG, clock, RateLimitedWarnings.DEFAULT_INTERVAL_MILLIS);
    }

    @Override
    public String get(SettingKey key) {
        return values().get(key);
    }

    @Override
    public String name() {
        return "admin";
    }

    /** False while the row cannot be read (the last values read, or none, are answered meanwhile). */
    @Override
    public boolean available() {
        values();
        return !readFailed;
    }

    /** Forgets the last read, so the next lookup sees what the admin just saved. */
    public void invalidate() {
        snapshot = null;
    }

    /** Stops the reader thread (Spring destroy method). */
    public void close() {
        reader.shutdownNow();
    }

    private Map<SettingKey, String> values() {
        Snapshot s = snapshot;
        long now = clock.millis();
        if (s != null && now - s.readAtMillis < SNAPSHOT_MILLIS) {
            return s.values;
        }
        Map<SettingKey, String> values = readBounded();
        snapshot = new Snapshot(values, now);
        return values;
    }

    private Map<SettingKey, String> readBounded() {
        Future<Map<SettingKey, String>> read = pending;
        if (read == null || read.isDone()) {
            try {
                read = reader.submit(new Callable<Map<SettingKey, String>>() {
                    @Override
                    public Map<SettingKey, String> call() throws Exception {
                        return table.read(siteKey);
                    }
                });
            } catch (RuntimeException rejected) { // shut down
                return fallback();
            }
            pending = read;
        } // else: the previous read still hangs; wait for it rather than pile up reads
        try {
            Map<SettingKey, String> values = read.get(timeoutMillis, TimeUnit.MILLISECONDS);
            lastGood = values;
            absenceLogged = false;
            readFailed = false;
            return values;
        } catch (TimeoutException e) {
            warnings.warn("timeout", "Rejoiner admin settings not read within " + timeoutMillis
                    + " ms; using the last values read", e);
        } catch (ExecutionException e) {
            failed(e.getCause() != null ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fallback();
    }

    private void failed(Throwable cause) {
        if (lastGood == null && !table.tableExists()) {
            if (!absenceLogged) {
                absenceLogged = true;
                LOG.info("Rejoiner admin settings table {} not found: settings come from rejoiner.* properties, "
                        + "REJOINER_* variables and defaults (install the admin screens to edit them there)", JdbcSettingsTable.TABLE);
            }
            return;
        }
        warnings.warn("read", "Rejoiner admin settings could not be read; using the last values read"
                + (lastGood == null ? " (none: the other settings layers apply)" : ""), cause);
    }

    private Map<SettingKey, String> fallback() {
        readFailed = true;
        Map<SettingKey, String> last = lastGood;
        return last != null ? last : Collections.<SettingKey, String>emptyMap();
    }

    private static final class Snapshot {
        final Map<SettingKey, String> values;
        final long readAtMillis;

        Snapshot(Map<SettingKey, String> values, long readAtMillis) {
            this.values = values;
            this.readAtMillis = readAtMillis;
        }
    }
}
