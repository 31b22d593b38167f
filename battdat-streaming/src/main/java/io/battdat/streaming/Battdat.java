package io.battdat.streaming;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.PluginException;

/** Entry point for applications that do not use Guice themselves: {@code Battdat.engine().records(path, null)}. */
public final class Battdat {
    private static final Object LOCK = new Object();
    /** The engine once built; never reset, so every caller shares one registry. */
    private static volatile BattdatEngine engine;
    /**
     * Why building the engine failed, kept so that every later call fails the same way (a class-holder idiom
     * would throw {@code ExceptionInInitializerError} once, then {@code NoClassDefFoundError}).
     */
    private static volatile PluginException failure;

    private Battdat() {
    }

    /**
     * The engine wired by {@link BattdatModule}: backends discovered on the class path, default read options. The
     * injector is built on the first call; later calls return the same engine.
     *
     * @return the shared engine
     * @throws PluginException when the plugins on the class path cannot be wired (two providers of one format, a
     *                         provider that fails to start); the message names the jar, and every later call
     *                         throws the same error again
     */
    public static BattdatEngine engine() {
        BattdatEngine e = engine;
        if (e != null) {
            return e;
        }
        synchronized (LOCK) {
            if (engine == null && failure == null) {
                try {
                    engine = Guice.createInjector(new BattdatModule()).getInstance(BattdatEngine.class);
                } catch (RuntimeException | LinkageError error) {
                    failure = pluginFailure(error);
                }
            }
            if (engine != null) {
                return engine;
            }
            throw new PluginException(ErrorLocation.NONE, failure.getRawMessage(), failure);
        }
    }

    /**
     * The {@link PluginException} a failed wiring stands for: the plugin's own battdat error when there is one,
     * else the first underlying error's text. Guice's exception types never reach the caller.
     */
    static PluginException pluginFailure(Throwable error) {
        Throwable cause = error;
        if (error instanceof CreationException ce) {
            cause = firstCause(ce.getErrorMessages(), error);
        } else if (error instanceof ProvisionException pe) {
            cause = firstCause(pe.getErrorMessages(), error);
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof PluginException plugin) {
                return plugin;
            }
            if (t instanceof BattdatException battdat) {
                return new PluginException(ErrorLocation.of(battdat.file(), battdat.table()),
                        "the battdat plugins could not be wired: " + battdat.getRawMessage(), battdat);
            }
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new PluginException(ErrorLocation.NONE, "the battdat plugins could not be wired: " + text
                + " (check the plugin jars on the class path)", cause);
    }

    private static Throwable firstCause(Iterable<Message> messages, Throwable fallback) {
        for (Message m : messages) {
            if (m.getCause() != null) {
                return m.getCause();
            }
        }
        return fallback.getCause() != null ? fallback.getCause() : fallback;
    }
}
