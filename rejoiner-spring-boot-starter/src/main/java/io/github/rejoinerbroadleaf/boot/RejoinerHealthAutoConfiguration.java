package io.github.rejoinerbroadleaf.boot;

import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.rejoinerbroadleaf.delivery.ConversionQueue;

/** The {@code rejoiner} health indicator, when Actuator is on the class path and the queue is configured. */
@AutoConfiguration(after = RejoinerDeliveryAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
@ConditionalOnBean(ConversionQueue.class)
@ConditionalOnEnabledHealthIndicator("rejoiner")
public class RejoinerHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "rejoinerHealthIndicator")
    public RejoinerHealthIndicator rejoinerHealthIndicator(ConversionQueue rejoinerConversionQueue) {
        return new RejoinerHealthIndicator(rejoinerConversionQueue);
    }
}
