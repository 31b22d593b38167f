package io.battdat.streaming;

import com.google.inject.Guice;

/** Entry point for applications that do not use Guice themselves: {@code Battdat.engine().records(path, null)}. */
public final class Battdat {
    private Battdat() {
    }

    /** Built on first use of {@link #engine()} (class holder idiom: lazy and thread-safe). */
    private static final class Holder {
        static final BattdatEngine ENGINE = Guice.createInjector(new BattdatModule()).getInstance(BattdatEngine.class);
    }

    /**
     * The engine wired by {@link BattdatModule}: backends discovered on the class path, default read options. The
     * injector is built on the first call; later calls return the same engine.
     *
     * @return the shared engine
     */
    public static BattdatEngine engine() {
        return Holder.ENGINE;
    }
}
