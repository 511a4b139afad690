package io.github.rejoinerbroadleaf.boot;

import static io.github.rejoinerbroadleaf.boot.StarterFixtures.API_KEY;
import static io.github.rejoinerbroadleaf.boot.StarterFixtures.API_SECRET;
import static io.github.rejoinerbroadleaf.boot.StarterFixtures.SITE_ID;
import static io.github.rejoinerbroadleaf.boot.StarterFixtures.VALID;
import static io.github.rejoinerbroadleaf.boot.StarterFixtures.rejoiner;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.github.rejoinerbroadleaf.core.ApiGeneration;
import io.github.rejoinerbroadleaf.core.RejoinerApiClient;
import io.github.rejoinerbroadleaf.core.TrackingScript;

/** How rejoiner.* is bound and checked at start-up. */
class RejoinerPropertiesTest {

    @Test
    void theFourPropertiesConfigureScriptAndClient() {
        rejoiner().withPropertyValues(VALID).run(context -> {
            TrackingScript script = context.getBean(TrackingScript.class);
            assertThat(script.siteId()).isEqualTo(SITE_ID);
            assertThat(script.domain()).isEqualTo(".shop.example");
            RejoinerApiClient client = context.getBean(RejoinerApiClient.class);
            assertThat(client.config().apiKey()).isEqualTo(API_KEY);
            assertThat(client.config().apiSecret()).isEqualTo(API_SECRET);
            assertThat(client.config().generation()).isEqualTo(ApiGeneration.REJOINER_1);
        });
    }

    @Test
    void environmentVariablesBindAsTheModuleDocumentsThem() {
        Map<String, Object> env = new HashMap<>();
        env.put("REJOINER_SITE_ID", "env-site");
        env.put("REJOINER_DOMAIN", ".env.example");
        env.put("REJOINER_API_KEY", "env-key");
        env.put("REJOINER_API_SECRET", "env-secret");
        env.put("REJOINER_API_GENERATION", "REJOINER_2");
        env.put("REJOINER_TRACKING_ENABLED", "false");
        rejoiner().withInitializer(c -> c.getEnvironment().getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", env))).run(context -> {
            RejoinerProperties p = context.getBean(RejoinerProperties.class);
            assertThat(p.getSiteId()).isEqualTo("env-site");
            assertThat(p.getDomain()).isEqualTo(".env.example");
            assertThat(p.getApiKey()).isEqualTo("env-key");
            assertThat(p.getApiSecret()).isEqualTo("env-secret");
            assertThat(p.getApiGeneration()).isEqualTo(ApiGeneration.REJOINER_2);
            assertThat(p.isTrackingEnabled()).isFalse();
        });
    }

    @Test
    void switchesWorkAsEnvironmentVariablesToo() {
        Map<String, Object> env = new HashMap<>();
        env.put("REJOINER_SITE_ID", "env-site");
        env.put("REJOINER_CONVERSIONS_ENABLED", "false");
        rejoiner().withInitializer(c -> c.getEnvironment().getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", env))).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(RejoinerApiClient.class);
        });
    }

    @Test
    void camelCaseSystemPropertiesOfTheModuleBindToo() {
        rejoiner().withSystemProperties("rejoiner.siteId=sys-site", "rejoiner.apiKey=sys-key", "rejoiner.apiSecret=sys-secret")
                .run(context -> {
                    RejoinerProperties p = context.getBean(RejoinerProperties.class);
                    assertThat(p.getSiteId()).isEqualTo("sys-site");
                    assertThat(p.getApiKey()).isEqualTo("sys-key");
                });
    }

    @Test
    void urlsAndTimeoutsReachTheClientAndScript() {
        rejoiner().withPropertyValues(VALID).withPropertyValues(
                "rejoiner.api-url=http://127.0.0.1:9/rj/", "rejoiner.js-url=https://static.shop.example/rj.js",
                "rejoiner.http.connect-timeout=2s", "rejoiner.http.read-timeout=3s", "rejoiner.http.call-timeout=7s")
                .run(context -> {
                    RejoinerApiClient client = context.getBean(RejoinerApiClient.class);
                    assertThat(client.config().baseUrl()).isEqualTo("http://127.0.0.1:9/rj");
                    assertThat(client.config().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(client.config().readTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(client.config().writeTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(client.config().callTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(context.getBean(TrackingScript.class).libraryUrl()).isEqualTo("https://static.shop.example/rj.js");
                });
    }

    @Test
    void rejoiner2NeedsNoSecretAndLoadsItsLibrary() {
        rejoiner().withPropertyValues("rejoiner.site-id=s", "rejoiner.api-key=k", "rejoiner.api-generation=REJOINER_2")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(RejoinerApiClient.class).config().generation()).isEqualTo(ApiGeneration.REJOINER_2);
                    assertThat(context.getBean(TrackingScript.class).libraryUrl()).isEqualTo(ApiGeneration.REJOINER_2.libraryUrl());
                });
    }

    @Test
    void missingSiteIdFailsStartUpNamingTheProperty() {
        rejoiner().withPropertyValues("rejoiner.api-key=k", "rejoiner.api-secret=s").run(context ->
                assertThat(problems(context)).containsExactly("rejoiner.site-id"));
    }

    @Test
    void problemsOfSeveralPropertiesAreReportedTogether() {
        rejoiner().withPropertyValues("rejoiner.domain=not a host", "rejoiner.api-url=ftp://x",
                "rejoiner.js-url=javascript:alert(1)", "rejoiner.delivery.threads=0").run(context ->
                assertThat(problems(context)).containsExactlyInAnyOrder("rejoiner.site-id", "rejoiner.domain",
                        "rejoiner.api-key", "rejoiner.api-secret", "rejoiner.api-url", "rejoiner.js-url",
                        "rejoiner.delivery.threads"));
    }

    @Test
    void aMalformedApiUrlIsNamedOnceTheRequiredValuesAreThere() {
        rejoiner().withPropertyValues(VALID).withPropertyValues("rejoiner.api-url=ftp://x").run(context ->
                assertThat(problems(context)).containsExactly("rejoiner.api-url"));
    }

    @Test
    void theStartUpFailureNeverShowsTheSecret() {
        rejoiner().withPropertyValues("rejoiner.api-key=k", "rejoiner.api-secret=" + API_SECRET,
                "rejoiner.api-url=https://x.example/?secret=" + API_SECRET).run(context -> {
                    InvalidRejoinerPropertiesException e = failure(context);
                    FailureAnalysis analysis = new RejoinerPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(e.getMessage() + analysis.getDescription() + analysis.getAction()).doesNotContain(API_SECRET);
                });
    }

    @Test
    void theFailureAnalysisNamesPropertyEnvironmentVariableAndReason() {
        rejoiner().withPropertyValues("rejoiner.api-key=k", "rejoiner.api-secret=s").run(context -> {
            FailureAnalysis analysis = new RejoinerPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .contains("Property: rejoiner.site-id (environment variable REJOINER_SITE_ID)")
                    .contains("Reason: is not set");
            assertThat(analysis.getAction()).contains("rejoiner.enabled=false");
        });
    }

    @Test
    void rejoinerEnabledFalseLeavesEverythingOutAndNeedsNoSettings() {
        rejoiner().withPropertyValues("rejoiner.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(RejoinerProperties.class);
            assertThat(context).doesNotHaveBean(TrackingScript.class);
            assertThat(context).doesNotHaveBean(RejoinerApiClient.class);
        });
    }

    @Test
    void toStringHidesKeyAndSecret() {
        rejoiner().withPropertyValues(VALID).run(context -> {
            String s = context.getBean(RejoinerProperties.class).toString();
            assertThat(s).contains(SITE_ID).doesNotContain(API_SECRET).doesNotContain(API_KEY);
        });
    }

    static List<String> problems(AssertableApplicationContext context) {
        return failure(context).problems().stream().map(InvalidRejoinerPropertiesException.Problem::property)
                .collect(Collectors.toList());
    }

    static InvalidRejoinerPropertiesException failure(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        Throwable t = context.getStartupFailure();
        while (t != null && !(t instanceof InvalidRejoinerPropertiesException)) {
            t = t.getCause();
        }
        assertThat(t).as("cause chain of %s", context.getStartupFailure()).isNotNull();
        return (InvalidRejoinerPropertiesException) t;
    }
}
