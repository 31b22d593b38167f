package io.battdat.streaming;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.battdat.api.spi.ReadOptions;

/**
 * Guice wiring of the engine: the {@link StorageRegistry} discovered on this module's class loader, the default
 * {@link ReadOptions}, and a singleton {@link BattdatEngine}. Override any binding with
 * {@code Modules.override(new BattdatModule()).with(...)}.
 */
public final class BattdatModule extends AbstractModule {

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        bind(ReadOptions.class).toInstance(ReadOptions.DEFAULT);
        bind(BattdatEngine.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    StorageRegistry storageRegistry() {
        return StorageRegistry.discover(BattdatModule.class.getClassLoader());
    }
}
