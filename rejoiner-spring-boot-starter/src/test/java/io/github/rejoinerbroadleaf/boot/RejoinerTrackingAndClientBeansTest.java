package io.github.rejoinerbroadleaf.boot;

import static io.github.rejoinerbroadleaf.boot.StarterFixtures.VALID;
import static io.github.rejoinerbroadleaf.boot.StarterFixtures.rejoiner;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.rejoinerbroadleaf.core.DeliveryOutcome;
import io.github.rejoinerbroadleaf.core.LeadSender;
import io.github.rejoinerbroadleaf.core.RejoinerApiClient;
import io.github.rejoinerbroadleaf.core.TrackingCommand;
import io.github.rejoinerbroadleaf.core.TrackingScript;

/** The renderer and REST client beans: their switches and how an application replaces them. */
class RejoinerTrackingAndClientBeansTest {

    @Test
    void trackingRendersTheConfiguredSnippetAndCommands() {
        rejoiner().withPropertyValues(VALID).run(context -> {
            String html = context.getBean(RejoinerTracking.class).render(Collections.singletonList(TrackingCommand.startNewOrder()));
            assertThat(html).startsWith("<script").contains("[\"setAccount\",\"site-1\"]")
                    .contains("[\"setDomain\",\".shop.example\"]").contains("[\"startNewOrder\"]");
        });
    }

    @Test
    void trackingEnabledFalseRendersNothing() {
        rejoiner().withPropertyValues(VALID).withPropertyValues("rejoiner.tracking-enabled=false").run(context ->
                assertThat(context.getBean(RejoinerTracking.class).render(Collections.singletonList(TrackingCommand.startNewOrder())))
                        .isEmpty());
    }

    @Test
    void conversionsEnabledFalseNeedsNoKeysAndMakesNoClient() {
        rejoiner().withPropertyValues("rejoiner.site-id=s", "rejoiner.conversions-enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(RejoinerApiClient.class);
            assertThat(context).hasSingleBean(RejoinerTracking.class);
        });
    }

    @Test
    void anApplicationLeadSenderReplacesTheClient() {
        rejoiner().withPropertyValues(VALID).withUserConfiguration(OwnSender.class).run(context -> {
            assertThat(context).doesNotHaveBean(RejoinerApiClient.class);
            assertThat(context).getBean(LeadSender.class).isSameAs(context.getBean("ownSender"));
        });
    }

    @Test
    void anApplicationTrackingScriptAndRendererReplaceTheStarters() {
        rejoiner().withPropertyValues(VALID).withUserConfiguration(OwnTracking.class).run(context -> {
            assertThat(context.getBean(TrackingScript.class).siteId()).isEqualTo("own-site");
            assertThat(context.getBean(RejoinerTracking.class).isEnabled()).isFalse();
        });
    }

    @Test
    void theRendererUsesTheApplicationsTrackingScript() {
        rejoiner().withPropertyValues(VALID).withUserConfiguration(OwnScriptOnly.class).run(context ->
                assertThat(context.getBean(RejoinerTracking.class).render(Collections.emptyList()))
                        .contains("[\"setAccount\",\"own-site\"]"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSender {
        @Bean
        LeadSender ownSender() {
            return (operation, body) -> DeliveryOutcome.of(DeliveryOutcome.Kind.DELIVERED, 200, "", null);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnScriptOnly {
        @Bean
        TrackingScript ownScript() {
            return TrackingScript.builder().siteId("own-site").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTracking {
        @Bean
        TrackingScript ownScript() {
            return TrackingScript.builder().siteId("own-site").build();
        }

        @Bean
        RejoinerTracking ownTracking(TrackingScript script) {
            return new RejoinerTracking(script, false);
        }
    }
}
