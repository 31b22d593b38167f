package io.battdat.api.postprocess;

/**
 * The range checks of post-processing settings, shared by {@link PostProcessOptions.Builder} and
 * {@link TableContext.Builder}. Each returns the value when it is in range and otherwise throws an
 * {@link IllegalArgumentException} (as Python's {@code ValueError}) that names the setting and the refused value.
 * NaN is never in range.
 */
final class SettingChecks {
    private SettingChecks() {
    }

    /** The value when it is at least 0. */
    static double atLeastZero(double value, String setting) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(setting + " must be at least 0, not " + value);
        }
        return value;
    }

    /** The value when it is above 0. */
    static double positive(double value, String setting) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(setting + " must be positive, not " + value);
        }
        return value;
    }

    /** The value when it is at least {@code minimum}. */
    static int atLeast(int minimum, int value, String setting) {
        if (value < minimum) {
            throw new IllegalArgumentException(setting + " must be at least " + minimum + ", not " + value);
        }
        return value;
    }
}
