package io.github.rejoinerbroadleaf.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/**
 * The README's settings tables are the declarations ({@link SettingKey}, {@link StartupSetting}) as
 * Markdown: a setting added, renamed or re-described without the README (or the other way round)
 * fails here, and the message holds the table to paste.
 */
class SettingsDocumentationTest {

    private static final Path README = Paths.get("..", "README.md");

    static String requestTable() {
        StringBuilder sb = new StringBuilder("| environment variable | system property | default | meaning |\n"
                + "| --- | --- | --- | --- |\n");
        for (SettingKey key : SettingKey.values()) {
            Setting s = key.declaration();
            sb.append("| `").append(s.environmentVariable()).append("` | `").append(s.systemProperty()).append("` | ")
                    .append(documentedDefault(s)).append(" | ").append(s.help())
                    .append(s.storedInAdmin() ? "" : "; not in the admin").append(" |\n");
        }
        return sb.toString();
    }

    static String startupTable() {
        StringBuilder sb = new StringBuilder("| system property | environment variable | default | bounds | meaning |\n"
                + "| --- | --- | --- | --- | --- |\n");
        for (StartupSetting key : StartupSetting.values()) {
            Setting s = key.declaration();
            sb.append("| `").append(s.systemProperty()).append("` | `").append(s.environmentVariable()).append("` | ")
                    .append(documentedDefault(s)).append(" | ").append(bounds(s)).append(" | ").append(s.help()).append(" |\n");
        }
        return sb.toString();
    }

    private static String documentedDefault(Setting s) {
        String d = s.documentedDefault();
        if (d == null) {
            return "none";
        }
        return s.defaultValue() != null ? "`" + d + "`" : d;
    }

    private static String bounds(Setting s) {
        if (s.kind() != Setting.Kind.NUMBER) {
            return "";
        }
        return s.max() >= Integer.MAX_VALUE ? ">= " + s.min() : s.min() + " .. " + s.max();
    }

    private static String section(String readme, String name) {
        String begin = "<!-- " + name + " table: generated from the declarations, checked by SettingsDocumentationTest -->\n";
        int start = readme.indexOf(begin);
        assertTrue(start >= 0, "README lacks the marker " + begin);
        int end = readme.indexOf("<!-- end of " + name + " table -->", start);
        assertTrue(end >= 0, "README lacks the end marker of the " + name + " table");
        return readme.substring(start + begin.length(), end);
    }

    private static String readme() throws IOException {
        return new String(Files.readAllBytes(README), StandardCharsets.UTF_8);
    }

    @Test
    void theReadmeListsEverySettingReadPerRequestAsDeclared() throws IOException {
        assertEquals(requestTable(), section(readme(), "settings"));
    }

    @Test
    void theReadmeListsEveryStartupSettingAsDeclared() throws IOException {
        assertEquals(startupTable(), section(readme(), "start-up settings"));
    }
}
