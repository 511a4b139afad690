package io.github.rejoinerbroadleaf.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.rejoinerbroadleaf.settings.Setting;
import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.settings.StartupSetting;

/**
 * The starter's {@code rejoiner.*} properties (as its generated IDE metadata lists them) are the
 * module's declared settings in Spring Boot's spelling: each one names a declaration
 * ({@link SettingKey}, {@link StartupSetting}: kebab case, a duration without its unit suffix) and has
 * its default, and a secret there is a secret here. Only the starter's own wiring switches are its own.
 */
class PropertiesDeclarationsTest {

    /** Boot wiring without a counterpart in a Broadleaf store. */
    private static final List<String> STARTER_ONLY = Arrays.asList("rejoiner.enabled", "rejoiner.delivery.enabled",
            "rejoiner.delivery.initialize-schema", "rejoiner.delivery.data-source", "rejoiner.delivery.shutdown-timeout");

    private static Map<String, Setting> declaredInBootSpelling() {
        List<Setting> all = new ArrayList<>();
        for (SettingKey key : SettingKey.values()) {
            all.add(key.declaration());
        }
        for (StartupSetting key : StartupSetting.values()) {
            all.add(key.declaration());
        }
        Map<String, Setting> byName = new LinkedHashMap<>();
        for (Setting s : all) {
            byName.put("rejoiner." + kebab(s.name()).replaceAll("-(millis|seconds|hours)$", ""), s);
        }
        return byName;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Map<String, JsonNode> metadata() throws IOException {
        try (InputStream in = RejoinerProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            Map<String, JsonNode> byName = new LinkedHashMap<>();
            for (JsonNode p : new ObjectMapper().readTree(in).get("properties")) {
                byName.put(p.get("name").asText(), p);
            }
            return byName;
        }
    }

    @Test
    void everyPropertyIsADeclaredSettingOrTheStartersOwnSwitch() throws IOException {
        List<String> undeclared = new ArrayList<>(metadata().keySet());
        undeclared.removeAll(declaredInBootSpelling().keySet());
        assertThat(undeclared).containsExactlyInAnyOrderElementsOf(STARTER_ONLY);
    }

    @Test
    void everyPropertyHasTheDeclaredDefault() throws IOException {
        Map<String, Setting> declared = declaredInBootSpelling();
        List<String> differing = new ArrayList<>();
        metadata().forEach((name, p) -> {
            Setting s = declared.get(name);
            if (s == null) {
                return;
            }
            String bootDefault = p.hasNonNull("defaultValue") ? p.get("defaultValue").asText() : null;
            if (!sameDefault(s, bootDefault)) {
                differing.add(name + ": " + bootDefault + " vs " + s.defaultValue());
            }
        });
        assertThat(differing).isEmpty();
    }

    private static boolean sameDefault(Setting s, String bootDefault) {
        if (s.defaultValue() == null || bootDefault == null) {
            return s.defaultValue() == null && bootDefault == null;
        }
        if (s.name().endsWith("Millis") || s.name().endsWith("Seconds") || s.name().endsWith("Hours")) {
            long declared = Long.parseLong(s.defaultValue());
            Duration expected = s.name().endsWith("Millis") ? Duration.ofMillis(declared)
                    : s.name().endsWith("Seconds") ? Duration.ofSeconds(declared) : Duration.ofHours(declared);
            return DurationStyle.detectAndParse(bootDefault).equals(expected);
        }
        return s.defaultValue().equalsIgnoreCase(bootDefault);
    }

    @Test
    void theDeclaredSecretsAreTheOnesBootMasks() throws IOException {
        List<String> secrets = new ArrayList<>();
        Map<String, Setting> declared = declaredInBootSpelling();
        for (String name : metadata().keySet()) {
            if (declared.containsKey(name) && declared.get(name).isSecret()) {
                secrets.add(name);
            }
        }
        // Boot's /actuator/env and /configprops mask values whose names end in "key" or "secret".
        assertThat(secrets).containsExactlyInAnyOrder("rejoiner.api-key", "rejoiner.api-secret");
    }
}
