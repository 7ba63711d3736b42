package dev.kaizen.core.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.kaizen.core.plugin.PluginHost;
import dev.kaizen.core.recipe.ConfigBinder;
import dev.kaizen.core.recipe.RecipeLoader;
import dev.kaizen.core.registry.ComponentRegistry;

/** The host services: loaded plugins, the registry built from them, the config binder and recipe loader. */
final class HostModule extends AbstractModule {

    private final HostOptions options;

    HostModule(HostOptions options) {
        this.options = options;
    }

    @Override
    protected void configure() {
        bind(HostOptions.class).toInstance(options);
    }

    @Provides
    @Singleton
    PluginHost pluginHost(HostOptions hostOptions) {
        return PluginHost.load(hostOptions.pluginDirectories());
    }

    @Provides
    @Singleton
    ComponentRegistry registry(PluginHost host) {
        return new ComponentRegistry(host);
    }

    @Provides
    @Singleton
    ConfigBinder binder(ComponentRegistry registry) {
        return new ConfigBinder(registry);
    }

    @Provides
    @Singleton
    RecipeLoader recipeLoader(ConfigBinder binder, HostOptions hostOptions) {
        return new RecipeLoader(binder, hostOptions.environment());
    }
}
