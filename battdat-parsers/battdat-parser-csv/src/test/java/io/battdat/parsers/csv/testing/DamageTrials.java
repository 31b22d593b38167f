package io.battdat.parsers.csv.testing;

import io.battdat.api.BattdatException;

import java.time.Duration;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * For the parsers' damaged-input tests (published as this module's test jar): runs conversions of damaged files and
 * counts how they end. A trial either converts or is refused with a typed {@link BattdatException}; anything else,
 * or a conversion that outlasts the time limit (a hang), fails the test.
 */
public final class DamageTrials {
    private final Duration limit;
    private int converted;
    private int refused;

    /** @param limit the longest one trial may take */
    public DamageTrials(Duration limit) {
        this.limit = limit;
    }

    /** A conversion of one damaged input. */
    @FunctionalInterface
    public interface Conversion {
        /** Converts; throws what the conversion throws. */
        void run() throws Exception;
    }

    /**
     * Runs one trial.
     *
     * @param what      names the trial in failures
     * @param onRefusal checks a refusal (its message, that no output is left behind)
     * @return whether the input converted
     */
    public boolean run(String what, Conversion conversion, Consumer<BattdatException> onRefusal) {
        boolean ok = assertTimeoutPreemptively(limit, () -> {
            try {
                conversion.run();
                return true;
            } catch (BattdatException e) {
                onRefusal.accept(e);
                return false;
            } catch (RuntimeException | Error other) {
                fail(what + ": " + other, other);
                return false;
            }
        }, what);
        if (ok) {
            converted++;
        } else {
            refused++;
        }
        return ok;
    }

    /** Trials run so far. */
    public int trials() {
        return converted + refused;
    }

    /** How the trials ended, for a test's log: how many converted and how many were refused. */
    @Override
    public String toString() {
        return converted + " converted, " + refused + " refused";
    }

    /** Fails unless both outcomes occurred: otherwise the damage is too mild, or too harsh, to test anything. */
    public void assertBothOutcomes() {
        if (converted == 0 || refused == 0) {
            fail("converted " + converted + ", refused " + refused);
        }
    }
}
