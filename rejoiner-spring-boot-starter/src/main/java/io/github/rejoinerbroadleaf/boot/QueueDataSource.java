package io.github.rejoinerbroadleaf.boot;

import java.util.Arrays;
import java.util.Collections;

import javax.sql.DataSource;

import org.springframework.beans.factory.BeanNotOfRequiredTypeException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/** Which of the application's DataSources holds the queue. */
final class QueueDataSource {

    static final String PROPERTY = "rejoiner.delivery.data-source";

    private QueueDataSource() {
    }

    /**
     * The bean named by {@code rejoiner.delivery.data-source}, else the only (or primary) DataSource.
     *
     * @throws InvalidRejoinerPropertiesException when the name is wrong or the choice is ambiguous
     */
    static DataSource resolve(String beanName, ConfigurableListableBeanFactory beanFactory) {
        String[] names = beanFactory.getBeanNamesForType(DataSource.class);
        if (beanName != null && !beanName.trim().isEmpty()) {
            try {
                return beanFactory.getBean(beanName.trim(), DataSource.class);
            } catch (NoSuchBeanDefinitionException | BeanNotOfRequiredTypeException e) {
                throw problem("names no DataSource bean (" + beanName.trim() + "); DataSource beans: " + Arrays.toString(names));
            }
        }
        DataSource unique = beanFactory.getBeanProvider(DataSource.class).getIfUnique();
        if (unique == null) {
            throw problem("is not set, and the application has several DataSource beans without a primary one "
                    + Arrays.toString(names) + ": name the one that holds the Rejoiner queue");
        }
        return unique;
    }

    private static InvalidRejoinerPropertiesException problem(String reason) {
        return new InvalidRejoinerPropertiesException(
                Collections.singletonList(new InvalidRejoinerPropertiesException.Problem(PROPERTY, reason)));
    }
}
