package io.github.rejoinerbroadleaf.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The generated META-INF/spring-configuration-metadata.json: what IDEs complete and document. */
class ConfigurationMetadataTest {

    private static final List<String> PROPERTIES = Arrays.asList(
            "rejoiner.api-generation", "rejoiner.api-key", "rejoiner.api-secret", "rejoiner.api-url",
            "rejoiner.conversions-enabled", "rejoiner.delivery.batch-size", "rejoiner.delivery.data-source",
            "rejoiner.delivery.enabled", "rejoiner.delivery.initialize-schema", "rejoiner.delivery.max-age",
            "rejoiner.delivery.poll-interval", "rejoiner.delivery.retention-days", "rejoiner.delivery.shutdown-timeout",
            "rejoiner.delivery.threads", "rejoiner.domain", "rejoiner.enabled", "rejoiner.http.call-timeout",
            "rejoiner.http.connect-timeout", "rejoiner.http.read-timeout", "rejoiner.js-url", "rejoiner.site-id",
            "rejoiner.tracking-enabled");

    private static Map<String, JsonNode> properties() throws IOException {
        try (InputStream in = RejoinerProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            Map<String, JsonNode> byName = new TreeMap<>();
            for (JsonNode p : new ObjectMapper().readTree(in).get("properties")) {
                byName.put(p.get("name").asText(), p);
            }
            return byName;
        }
    }

    @Test
    void everyPropertyIsDescribed() throws IOException {
        assertThat(properties().keySet()).containsExactlyElementsOf(PROPERTIES);
    }

    @Test
    void everyPropertyHasADescription() throws IOException {
        List<String> undocumented = new ArrayList<>();
        properties().forEach((name, p) -> {
            if (!p.hasNonNull("description") || p.get("description").asText().trim().isEmpty()) {
                undocumented.add(name);
            }
        });
        assertThat(undocumented).isEmpty();
    }

    @Test
    void defaultsAreDocumented() throws IOException {
        Map<String, JsonNode> p = properties();
        assertThat(p.get("rejoiner.api-generation").get("defaultValue").asText()).isEqualTo("REJOINER_1");
        assertThat(p.get("rejoiner.delivery.poll-interval").get("defaultValue").asText()).isEqualTo("5s");
        assertThat(p.get("rejoiner.tracking-enabled").get("defaultValue").asBoolean()).isTrue();
    }
}
