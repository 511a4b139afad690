package io.github.rejoinerbroadleaf.broadleaf.admin;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.service.ServiceRegistryBuilder;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Stores upgraded from a version that needed {@code persistence-rejoiner.xml} in their persistence
 * unit may keep it: the file still names the entity, and the entity maps onto a table of any
 * version, validated by Hibernate as a store running {@code hbm2ddl.auto=validate} would.
 */
class PersistenceEntryTest {

    @Test
    void theFileStillListsTheEntity() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/persistence-rejoiner.xml")) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document xml = factory.newDocumentBuilder().parse(in);
            NodeList classes = xml.getElementsByTagNameNS("*", "class");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < classes.getLength(); i++) {
                names.add(classes.item(i).getTextContent().trim());
            }
            assertEquals(List.of(RejoinerSettingsRecord.class.getName()), names);
        }
    }

    @Test
    void theEntityValidatesAndLoadsARowOfAnEarlierVersionsTable() throws Exception {
        String url = "jdbc:hsqldb:mem:persistence-entry-" + UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, "SA", ""); Statement st = c.createStatement()) {
            // as Hibernate created it for the entity with one field per setting
            st.execute("CREATE TABLE RJ_ADMIN_SETTINGS (SITE_KEY VARCHAR(100) NOT NULL, API_SECRET VARCHAR(255), SITE_ID VARCHAR(100),"
                    + " TRACKING_ENABLED BOOLEAN, RESTORE_LINK_DAYS INTEGER, UPDATED_AT TIMESTAMP, UPDATED_BY VARCHAR(255), PRIMARY KEY (SITE_KEY))");
            st.execute("INSERT INTO RJ_ADMIN_SETTINGS (SITE_KEY, API_SECRET, SITE_ID, UPDATED_BY) VALUES ('default', 's3cret', 'site-1', 'admin')");
            Configuration configuration = new Configuration().addAnnotatedClass(RejoinerSettingsRecord.class)
                    .setProperty("hibernate.connection.url", url)
                    .setProperty("hibernate.connection.username", "SA")
                    .setProperty("hibernate.connection.password", "")
                    .setProperty("hibernate.dialect", "org.hibernate.dialect.HSQLDialect")
                    .setProperty("hibernate.hbm2ddl.auto", "validate")
                    .setProperty("javax.persistence.validation.mode", "none"); // bean validation: not what is tested
            SessionFactory sessions = configuration.buildSessionFactory(
                    new ServiceRegistryBuilder().applySettings(configuration.getProperties()).buildServiceRegistry());
            try {
                Session session = sessions.openSession();
                RejoinerSettingsRecord row = (RejoinerSettingsRecord) session.get(RejoinerSettingsRecord.class, "default");
                assertEquals("admin", row.getUpdatedBy());
                session.close();
            } finally {
                sessions.close();
                st.execute("SHUTDOWN");
            }
        }
    }
}
