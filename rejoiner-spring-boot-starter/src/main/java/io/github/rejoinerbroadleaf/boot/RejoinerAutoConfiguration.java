package io.github.rejoinerbroadleaf.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.github.rejoinerbroadleaf.core.LeadSender;
import io.github.rejoinerbroadleaf.core.RejoinerApiClient;
import io.github.rejoinerbroadleaf.core.TrackingScript;

/**
 * The Rejoiner settings, the tracking-script renderer and the REST client. Every bean backs off when
 * the application defines its own of the same type.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "rejoiner", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(RejoinerProperties.class)
public class RejoinerAutoConfiguration {

    /** The base snippet for this site (account, domain, library loader), rendered once. */
    @Bean
    @ConditionalOnMissingBean
    public TrackingScript rejoinerTrackingScript(RejoinerProperties properties) {
        return RejoinerBeans.trackingScript(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    public RejoinerTracking rejoinerTracking(TrackingScript rejoinerTrackingScript, RejoinerProperties properties) {
        return new RejoinerTracking(rejoinerTrackingScript, properties.isTrackingEnabled());
    }

    /**
     * Rejoiner 1 signed or Rejoiner 2 token calls, per {@code rejoiner.api-generation}. Any
     * {@link LeadSender} bean of the application replaces it (for example a recording fake in tests).
     */
    @Bean
    @ConditionalOnMissingBean(LeadSender.class)
    @ConditionalOnProperty(prefix = "rejoiner", name = "conversions-enabled", havingValue = "true", matchIfMissing = true)
    public RejoinerApiClient rejoinerApiClient(RejoinerProperties properties) {
        return new RejoinerApiClient(RejoinerBeans.apiConfig(properties));
    }
}
