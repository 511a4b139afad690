package io.github.rejoinerbroadleaf.broadleaf.web;

import io.github.rejoinerbroadleaf.settings.StartupSettings;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.context.EmbeddedValueResolverAware;
import org.springframework.util.StringValueResolver;

/**
 * The module's {@link StartupSettings}: each {@code rejoiner.*} start-up property as the store's
 * placeholder configurers answer {@code ${name}} (JVM system properties and Broadleaf's runtime
 * properties files, as before), else the {@code REJOINER_*} environment variable, else the declared
 * default. Beans take their values from it by name, e.g.
 * {@code #{blRejoinerStartupSettings.number('delivery.threads')}}.
 */
public class StartupSettingsFactoryBean implements FactoryBean<StartupSettings>, EmbeddedValueResolverAware {

    private StringValueResolver resolver;
    private StartupSettings settings;

    @Override
    public void setEmbeddedValueResolver(StringValueResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public synchronized StartupSettings getObject() {
        if (settings == null) {
            settings = new StartupSettings(new StartupSettings.Source() {
                @Override
                public String get(String name) {
                    return property(name);
                }
            }, new StartupSettings.Source() {
                @Override
                public String get(String name) {
                    return System.getenv(name);
                }
            });
        }
        return settings;
    }

    private String property(String name) {
        String placeholder = "${" + name + ":}";
        String value = resolver == null ? null : resolver.resolveStringValue(placeholder);
        // Without any placeholder configurer the expression comes back as it went in.
        return value == null || value.equals(placeholder) ? System.getProperty(name) : value;
    }

    @Override
    public Class<?> getObjectType() {
        return StartupSettings.class;
    }

    @Override
    public boolean isSingleton() {
        return true;
    }
}
