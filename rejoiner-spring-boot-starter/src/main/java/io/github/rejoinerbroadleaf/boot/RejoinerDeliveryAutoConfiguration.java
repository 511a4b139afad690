package io.github.rejoinerbroadleaf.boot;

import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import io.github.rejoinerbroadleaf.core.LeadSender;
import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.delivery.DeliverySettings;
import io.github.rejoinerbroadleaf.delivery.DeliveryWorker;
import io.github.rejoinerbroadleaf.delivery.LeadSenderProvider;
import io.github.rejoinerbroadleaf.delivery.SubmissionCheck;

/**
 * The durable conversion queue on the application's {@code DataSource} (tables created or checked
 * at start-up), its delivery worker started and stopped with the context, and
 * {@link RejoinerConversions} for the application's checkout code. Needs a {@code DataSource} bean;
 * switched off with {@code rejoiner.delivery.enabled=false} (and with {@code rejoiner.enabled=false},
 * which removes the {@link RejoinerProperties} bean).
 */
@AutoConfiguration(after = RejoinerAutoConfiguration.class,
        afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnProperty(prefix = "rejoiner.delivery", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean({DataSource.class, RejoinerProperties.class})
public class RejoinerDeliveryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public DeliverySettings rejoinerDeliverySettings(RejoinerProperties properties) {
        return RejoinerBeans.deliverySettings(properties);
    }

    /** The queue on {@code rejoiner.delivery.data-source}, or on the application's only (or primary) DataSource. */
    @Bean
    @ConditionalOnMissingBean
    public ConversionQueue rejoinerConversionQueue(RejoinerProperties properties, DeliverySettings rejoinerDeliverySettings,
            ConfigurableListableBeanFactory beanFactory) {
        DataSource dataSource = QueueDataSource.resolve(properties.getDelivery().getDataSource(), beanFactory);
        QueueTables.prepare(dataSource, properties.getDelivery().isInitializeSchema());
        return new ConversionQueue(dataSource, rejoinerDeliverySettings);
    }

    /**
     * "Submitted" for every order: right for code that queues a conversion after its order is
     * committed. Define a {@link SubmissionCheck} bean to have the worker confirm each order first.
     */
    @Bean
    @ConditionalOnMissingBean
    public SubmissionCheck rejoinerSubmissionCheck() {
        return SubmissionCheck.ALWAYS_SUBMITTED;
    }

    /** The application's {@link LeadSender} (the REST client) for every site; none while conversions are off. */
    @Bean
    @ConditionalOnMissingBean
    public LeadSenderProvider rejoinerLeadSenderProvider(RejoinerProperties properties, ObjectProvider<LeadSender> senders) {
        final LeadSender sender = properties.isConversionsEnabled() ? senders.getIfUnique() : null;
        return site -> sender;
    }

    @Bean
    @ConditionalOnMissingBean
    public DeliveryWorker rejoinerDeliveryWorker(ConversionQueue rejoinerConversionQueue,
            LeadSenderProvider rejoinerLeadSenderProvider, SubmissionCheck rejoinerSubmissionCheck,
            ObjectProvider<DeliveryCallObserver> observers) {
        List<DeliveryCallObserver> list = observers.orderedStream().collect(Collectors.toList());
        LeadSenderProvider senders = list.isEmpty() ? rejoinerLeadSenderProvider
                : new ObservedLeadSenderProvider(rejoinerLeadSenderProvider, list);
        return new DeliveryWorker(rejoinerConversionQueue, senders, rejoinerSubmissionCheck);
    }

    @Bean
    @ConditionalOnMissingBean
    public RejoinerDeliveryLifecycle rejoinerDeliveryLifecycle(DeliveryWorker rejoinerDeliveryWorker) {
        return new RejoinerDeliveryLifecycle(rejoinerDeliveryWorker);
    }

    @Bean
    @ConditionalOnMissingBean
    public RejoinerConversions rejoinerConversions(ConversionQueue rejoinerConversionQueue, RejoinerProperties properties) {
        return new RejoinerConversions(rejoinerConversionQueue, properties.siteKey(), properties.isConversionsEnabled());
    }
}
