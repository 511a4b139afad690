package io.github.rejoinerbroadleaf.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.rejoinerbroadleaf.delivery.ConversionQueue;

/**
 * Micrometer meters of the delivery queue, when Micrometer is on the class path (Actuator binds
 * them to its registries).
 */
@AutoConfiguration(after = RejoinerDeliveryAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
@ConditionalOnBean(ConversionQueue.class)
public class RejoinerMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public RejoinerMetrics rejoinerMetrics(ConversionQueue rejoinerConversionQueue) {
        return new RejoinerMetrics(rejoinerConversionQueue);
    }
}
