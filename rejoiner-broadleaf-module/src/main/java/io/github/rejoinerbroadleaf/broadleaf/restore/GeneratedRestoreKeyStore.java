package io.github.rejoinerbroadleaf.broadleaf.restore;

import org.broadleafcommerce.common.config.dao.SystemPropertiesDao;
import org.broadleafcommerce.common.config.domain.SystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/**
 * The restore-link key used when the store configures none: 32 random bytes generated once and
 * kept in the module's own table {@code RJ_RESTORE_LINK_KEY} (entity {@link RestoreLinkKeyRecord}),
 * which no admin screen shows. Every node of the store reads the same rows, and they survive restarts.
 *
 * <p>Earlier versions kept the key as Broadleaf System Property {@value #PROPERTY_NAME}, readable and
 * editable in the admin's System Properties screen. On first use such a key is moved into the table
 * (outstanding links keep working) and the System Property is deleted.
 *
 * <p>Two nodes starting for the very first time at the same moment may each write a row. All rows
 * are accepted, the oldest signs, and the list is re-read every few minutes, so the nodes converge
 * without a lock.
 */
public class GeneratedRestoreKeyStore {

    /** Name of the System Property that held the generated key in earlier versions (moved on first use). */
    public static final String PROPERTY_NAME = "rejoiner.restoreLinkKey.generated";

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedRestoreKeyStore.class);
    private static final long REFRESH_MILLIS = 5 * 60 * 1000L;
    private static final String QUERY_TIMEOUT_HINT = "javax.persistence.query.timeout";
    private static final int QUERY_TIMEOUT_MILLIS = 2000;

    @PersistenceContext(unitName = "blPU")
    protected EntityManager em;

    private final TransactionTemplate transactions;
    private final SystemPropertiesDao systemProperties;
    private final SecureRandom random = new SecureRandom();

    private volatile List<String> cached;
    private volatile long cachedAt;

    public GeneratedRestoreKeyStore(PlatformTransactionManager transactionManager, SystemPropertiesDao systemProperties) {
        this.transactions = new TransactionTemplate(transactionManager);
        // its own transaction: a failure here must never mark a caller's (e.g. checkout's) transaction rollback-only
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.systemProperties = systemProperties;
    }

    /** The generated keys, oldest (the signing one) first; never empty. Creates the key on first use. */
    public List<String> keys() {
        List<String> keys = cached;
        if (keys != null && System.currentTimeMillis() - cachedAt < REFRESH_MILLIS) {
            return keys;
        }
        synchronized (this) {
            if (cached != null && System.currentTimeMillis() - cachedAt < REFRESH_MILLIS) {
                return cached;
            }
            List<String> read;
            try {
                read = read();
            } catch (RuntimeException e) {
                if (cached != null) {
                    // a failed refresh keeps the keys already known (they cannot have been removed by the module)
                    LOG.warn("Could not re-read the generated restore-link keys; keeping the known ones: {}", e.toString());
                    cachedAt = System.currentTimeMillis();
                    return cached;
                }
                throw e;
            }
            if (read.isEmpty()) {
                create();
                read = read();
            }
            if (read.isEmpty()) {
                throw new IllegalStateException("the generated restore-link key could not be stored");
            }
            cached = Collections.unmodifiableList(read);
            cachedAt = System.currentTimeMillis();
            return cached;
        }
    }

    private List<String> read() {
        return transactions.execute(new TransactionCallback<List<String>>() {
            @Override
            public List<String> doInTransaction(TransactionStatus status) {
                List<RestoreLinkKeyRecord> rows = em.createQuery(
                        "SELECT k FROM " + RestoreLinkKeyRecord.class.getName() + " k ORDER BY k.id",
                        RestoreLinkKeyRecord.class)
                        .setHint(QUERY_TIMEOUT_HINT, QUERY_TIMEOUT_MILLIS) // read on a storefront request: bounded
                        .getResultList();
                List<String> values = new ArrayList<String>();
                for (RestoreLinkKeyRecord row : rows) {
                    if (row.getValue() != null && !row.getValue().trim().isEmpty()) {
                        values.add(row.getValue());
                    }
                }
                return values;
            }
        });
    }

    /** Moves a key of an earlier version out of the System Properties, or generates a new one. */
    private void create() {
        transactions.execute(new TransactionCallback<Void>() {
            @Override
            public Void doInTransaction(TransactionStatus status) {
                List<SystemProperty> legacy = em.createQuery(
                        "SELECT p FROM " + SystemProperty.class.getName() + " p WHERE p.name = :name ORDER BY p.id",
                        SystemProperty.class).setParameter("name", PROPERTY_NAME).getResultList();
                boolean moved = false;
                for (SystemProperty property : legacy) {
                    if (property.getValue() != null && !property.getValue().trim().isEmpty()) {
                        store(property.getValue());
                        moved = true;
                    }
                    em.remove(property);
                }
                if (moved) {
                    LOG.info("Moved the cart restore link key out of Broadleaf's System Properties into RJ_RESTORE_LINK_KEY");
                } else {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    store(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                    LOG.info("Generated the cart restore link key and stored it in RJ_RESTORE_LINK_KEY");
                }
                return null;
            }
        });
    }

    private void store(String value) {
        RestoreLinkKeyRecord record = new RestoreLinkKeyRecord();
        record.setValue(value);
        record.setCreatedAt(new Date());
        em.persist(record);
    }
}
