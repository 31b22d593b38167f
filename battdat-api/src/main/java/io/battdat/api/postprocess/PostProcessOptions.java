package io.battdat.api.postprocess;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Settings of the built-in post-processing, with Python's defaults, plus free-form settings for third-party
 * plugins. Immutable; {@link #builder()} or the {@code with...} methods make changed copies.
 */
public final class PostProcessOptions {
    /** Python's defaults. */
    public static final PostProcessOptions DEFAULT = builder().build();

    private final double coulombicEfficiency;
    private final boolean reuseIntegrals;
    private final double restCurrentThreshold;
    private final double signWindowSeconds;
    private final double signMinimumCurrent;
    private final int maxCycleRows;
    private final Map<String, String> custom;

    private PostProcessOptions(Builder b) {
        this.coulombicEfficiency = b.coulombicEfficiency;
        this.reuseIntegrals = b.reuseIntegrals;
        this.restCurrentThreshold = b.restCurrentThreshold;
        this.signWindowSeconds = b.signWindowSeconds;
        this.signMinimumCurrent = b.signMinimumCurrent;
        this.maxCycleRows = b.maxCycleRows;
        this.custom = Map.copyOf(b.custom);
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder().coulombicEfficiency(coulombicEfficiency).reuseIntegrals(reuseIntegrals)
                .restCurrentThreshold(restCurrentThreshold).signWindowSeconds(signWindowSeconds)
                .signMinimumCurrent(signMinimumCurrent).maxCycleRows(maxCycleRows);
        custom.forEach(b::custom);
        return b;
    }

    /** StateOfCharge's coulombic efficiency, applied to charging current in {@code CE_adjusted_charge} (1.0). */
    public double coulombicEfficiency() {
        return coulombicEfficiency;
    }

    /** A copy with another coulombic efficiency; see {@link Builder#coulombicEfficiency(double)}. */
    public PostProcessOptions withCoulombicEfficiency(double value) {
        return toBuilder().coulombicEfficiency(value).build();
    }

    /** CapacityPerCycle's {@code reuse_integrals}: use {@code cycled_charge}/{@code cycled_energy} when present (true). */
    public boolean reuseIntegrals() {
        return reuseIntegrals;
    }

    /** A copy with another {@link #reuseIntegrals()}. */
    public PostProcessOptions withReuseIntegrals(boolean value) {
        return toBuilder().reuseIntegrals(value).build();
    }

    /** AddState's rest-current threshold in A (1e-4). */
    public double restCurrentThreshold() {
        return restCurrentThreshold;
    }

    /** SignConventionChecker's window in seconds (360). */
    public double signWindowSeconds() {
        return signWindowSeconds;
    }

    /** SignConventionChecker's minimum |current| in A (1e-6). */
    public double signMinimumCurrent() {
        return signMinimumCurrent;
    }

    /**
     * The most rows a plugin may hold for one cycle or step before it must work in parts (1,048,576); summarizers
     * that need no rows ignore it.
     */
    public int maxCycleRows() {
        return maxCycleRows;
    }

    /** A third-party setting, or null. */
    public String custom(String key) {
        return custom.get(key);
    }

    /** Every third-party setting, read-only. */
    public Map<String, String> custom() {
        return custom;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostProcessOptions p && p.coulombicEfficiency == coulombicEfficiency
                && p.reuseIntegrals == reuseIntegrals && p.restCurrentThreshold == restCurrentThreshold
                && p.signWindowSeconds == signWindowSeconds && p.signMinimumCurrent == signMinimumCurrent
                && p.maxCycleRows == maxCycleRows && p.custom.equals(custom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(coulombicEfficiency, reuseIntegrals, restCurrentThreshold, signWindowSeconds,
                signMinimumCurrent, maxCycleRows, custom);
    }

    @Override
    public String toString() {
        return "PostProcessOptions{coulombicEfficiency=" + coulombicEfficiency + ", reuseIntegrals=" + reuseIntegrals
                + ", restCurrentThreshold=" + restCurrentThreshold + ", signWindowSeconds=" + signWindowSeconds
                + ", signMinimumCurrent=" + signMinimumCurrent + ", maxCycleRows=" + maxCycleRows + ", custom="
                + custom + "}";
    }

    /** Builds {@link PostProcessOptions}; starts from Python's defaults. */
    public static final class Builder {
        private double coulombicEfficiency = 1.0;
        private boolean reuseIntegrals = true;
        private double restCurrentThreshold = 1e-4;
        private double signWindowSeconds = 360.0;
        private double signMinimumCurrent = 1e-6;
        private int maxCycleRows = 1 << 20;
        private final Map<String, String> custom = new TreeMap<>();

        private Builder() {
        }

        /**
         * Sets the coulombic efficiency.
         *
         * @throws IllegalArgumentException outside [0, 1], as Python's "Coulombic efficiency must be between 0 and 1"
         */
        public Builder coulombicEfficiency(double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("Coulombic efficiency must be between 0 and 1, not " + value);
            }
            this.coulombicEfficiency = value;
            return this;
        }

        /** Sets {@link PostProcessOptions#reuseIntegrals()}. */
        public Builder reuseIntegrals(boolean value) {
            this.reuseIntegrals = value;
            return this;
        }

        /** Sets the rest-current threshold (A, at least 0). */
        public Builder restCurrentThreshold(double value) {
            this.restCurrentThreshold = SettingChecks.atLeastZero(value, "rest current threshold");
            return this;
        }

        /** Sets the sign-convention window (seconds, positive). */
        public Builder signWindowSeconds(double value) {
            this.signWindowSeconds = SettingChecks.positive(value, "window");
            return this;
        }

        /** Sets the sign-convention minimum current (A, at least 0). */
        public Builder signMinimumCurrent(double value) {
            this.signMinimumCurrent = SettingChecks.atLeastZero(value, "minimum current");
            return this;
        }

        /** Sets {@link PostProcessOptions#maxCycleRows()} (at least 16). */
        public Builder maxCycleRows(int value) {
            this.maxCycleRows = SettingChecks.atLeast(16, value, "max cycle rows");
            return this;
        }

        /** Sets a third-party setting. */
        public Builder custom(String key, String value) {
            custom.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The options. */
        public PostProcessOptions build() {
            return new PostProcessOptions(this);
        }
    }
}
