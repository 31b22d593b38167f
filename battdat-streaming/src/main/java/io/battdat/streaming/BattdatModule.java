package io.battdat.streaming;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.battdat.api.spi.ReadOptions;


/**
 * Guice wiring of the engine, with explicit bindings only: the {@link StorageRegistry} discovered on this module's
 * class loader, {@link ReadOptions#DEFAULT}, a singleton {@link BattdatEngine} and its {@link PostProcessor} (whose
 * summarizers, enhancers and checkers come from the registry). An application replaces any
 * binding with {@code Modules.override(new BattdatModule()).with(...)}, e.g. a registry of its own backends made
 * with {@link StorageRegistry#of}.
 */
public final class BattdatModule extends AbstractModule {

    /** The module; it does no work until an injector is built. */
    public BattdatModule() {
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        bind(ReadOptions.class).toInstance(ReadOptions.DEFAULT);
        bind(BattdatEngine.class).in(Singleton.class);
        bind(PostProcessor.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    StorageRegistry storageRegistry() {
        return StorageRegistry.discover(BattdatModule.class.getClassLoader());
    }
}
