package io.github.rejoinerbroadleaf.broadleaf.restore;

import org.broadleafcommerce.common.config.dao.SystemPropertiesDao;
import org.broadleafcommerce.common.config.domain.SystemProperty;
import org.broadleafcommerce.common.config.service.type.SystemPropertyFieldType;
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
import java.util.List;

/**
 * The restore-link key used when the store configures none: 32 random bytes generated once and
 * kept in Broadleaf's {@code BLC_SYSTEM_PROPERTY} table under {@value #PROPERTY_NAME}. Every node
 * of the store reads the same row, and it survives restarts.
 *
 * <p>Two nodes starting for the very first time at the same moment may each write a row. All rows
 * under the name are accepted, the oldest signs, and the list is re-read every few minutes, so the
 * nodes converge without a lock.
 */
public class GeneratedRestoreKeyStore {

    /** Name of the system property that holds the generated key. */
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
                List<SystemProperty> rows = em.createQuery(
                        "SELECT p FROM " + SystemProperty.class.getName() + " p WHERE p.name = :name ORDER BY p.id",
                        SystemProperty.class).setParameter("name", PROPERTY_NAME)
                        .setHint(QUERY_TIMEOUT_HINT, QUERY_TIMEOUT_MILLIS) // read on a storefront request: bounded
                        .getResultList();
                List<String> values = new ArrayList<String>();
                for (SystemProperty row : rows) {
                    if (row.getValue() != null && !row.getValue().trim().isEmpty()) {
                        values.add(row.getValue());
                    }
                }
                return values;
            }
        });
    }

    private void create() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        final String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        transactions.execute(new TransactionCallback<Void>() {
            @Override
            public Void doInTransaction(TransactionStatus status) {
                SystemProperty property = systemProperties.createNewSystemProperty();
                property.setName(PROPERTY_NAME);
                property.setValue(value);
                property.setPropertyType(SystemPropertyFieldType.STRING_TYPE);
                property.setFriendlyName("Rejoiner cart restore link key (generated; keep secret)");
                property.setFriendlyGroup("Rejoiner");
                em.persist(property);
                return null;
            }
        });
        LOG.info("Generated the cart restore link key and stored it as system property {}", PROPERTY_NAME);
    }
}
