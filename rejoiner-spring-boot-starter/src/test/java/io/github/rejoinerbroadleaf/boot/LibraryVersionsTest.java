package io.github.rejoinerbroadleaf.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import com.fasterxml.jackson.core.Version;

/** The start-up check of the Jackson version rejoiner-core needs. */
class LibraryVersionsTest {

    private static Version v(int major, int minor, int patch) {
        return new Version(major, minor, patch, null, "com.fasterxml.jackson.core", "jackson-core");
    }

    @Test
    void aJacksonOlderThanSpringBoot27sIsRefusedWithBothVersionsNamed() {
        assertThat(LibraryVersions.jacksonProblem(v(2, 12, 7), v(2, 12, 7)))
                .contains("Jackson 2.13 or later").contains("jackson-core 2.12.7").contains("jackson-databind 2.12.7");
    }

    @Test
    void springBoot27sOwnJacksonIsAccepted() {
        assertThat(LibraryVersions.jacksonProblem(v(2, 13, 5), v(2, 13, 5))).isNull();
    }

    @Test
    void anOldDatabindAloneIsRefused() {
        assertThat(LibraryVersions.jacksonProblem(v(2, 17, 2), v(2, 12, 0))).isNotNull();
    }

    @Test
    void laterJacksonsAreAccepted() {
        assertThat(LibraryVersions.jacksonProblem(v(2, 16, 0), v(2, 16, 0))).isNull();
        assertThat(LibraryVersions.jacksonProblem(v(2, 17, 2), v(2, 17, 2))).isNull();
    }

    @Test
    void theFailureReportSaysWhatToChange() {
        FailureAnalysis analysis = new RejoinerPropertiesFailureAnalyzer().analyze(
                new RejoinerStartupException("rejoiner-core needs Jackson 2.13 or later", "set jackson-bom.version"));
        assertThat(analysis.getDescription()).contains("Jackson 2.13");
        assertThat(analysis.getAction()).isEqualTo("set jackson-bom.version");
    }
}
