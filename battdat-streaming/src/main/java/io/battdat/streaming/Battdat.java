package io.battdat.streaming;

import com.google.inject.Guice;

/** Entry point for applications that do not use Guice themselves. */
public final class Battdat {
    private Battdat() {
    }

    private static final class Holder {
        static final BattdatEngine ENGINE = Guice.createInjector(new BattdatModule()).getInstance(BattdatEngine.class);
    }

    /** The engine wired by {@link BattdatModule}, built on first use. */
    public static BattdatEngine engine() {
        return Holder.ENGINE;
    }
}
