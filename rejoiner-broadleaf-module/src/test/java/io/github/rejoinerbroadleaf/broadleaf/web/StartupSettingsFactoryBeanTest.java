package io.github.rejoinerbroadleaf.broadleaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;

import io.github.rejoinerbroadleaf.settings.StartupSetting;
import io.github.rejoinerbroadleaf.settings.StartupSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.PropertyPlaceholderConfigurer;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.support.GenericApplicationContext;

/** Start-up settings come from the store's placeholder configurer, as the XML placeholders did. */
class StartupSettingsFactoryBeanTest {

    @Test
    void valuesComeFromTheStoresPropertiesElseTheDefaults() {
        GenericApplicationContext context = new GenericApplicationContext();
        Properties properties = new Properties();
        properties.setProperty("rejoiner.delivery.threads", "3");
        RootBeanDefinition configurer = new RootBeanDefinition(PropertyPlaceholderConfigurer.class);
        configurer.getPropertyValues().add("properties", properties);
        context.registerBeanDefinition("configurer", configurer);
        context.registerBeanDefinition("blRejoinerStartupSettings", new RootBeanDefinition(StartupSettingsFactoryBean.class));
        context.refresh();
        try {
            StartupSettings settings = context.getBean(StartupSettings.class);
            assertEquals(3, settings.number(StartupSetting.DELIVERY_THREADS));
            assertEquals(50, settings.number(StartupSetting.DELIVERY_BATCH_SIZE));
        } finally {
            context.close();
        }
    }
}
