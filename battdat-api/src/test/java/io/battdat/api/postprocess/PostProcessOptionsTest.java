package io.battdat.api.postprocess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PostProcessOptionsTest {

    @Test
    void toBuilderKeepsEverySetting() {
        PostProcessOptions changed = PostProcessOptions.builder().coulombicEfficiency(0.9).reuseIntegrals(false)
                .restCurrentThreshold(0.01).signWindowSeconds(60).signMinimumCurrent(0.001).maxCycleRows(64)
                .custom("plugin.k", "v").custom("plugin.a", "b").build();
        assertNotEquals(PostProcessOptions.DEFAULT, changed);
        assertEquals(changed, changed.toBuilder().build());
        assertEquals(PostProcessOptions.DEFAULT, PostProcessOptions.DEFAULT.toBuilder().build());
        assertEquals("v", changed.withReuseIntegrals(true).custom("plugin.k"));
    }

    @Test
    void outOfRangeSettingsAreRefusedNamingTheSettingAndValue() {
        PostProcessOptions.Builder b = PostProcessOptions.builder();
        assertRefused("Coulombic efficiency must be between 0 and 1, not 1.5", () -> b.coulombicEfficiency(1.5));
        assertRefused("rest current threshold must be at least 0, not -1.0", () -> b.restCurrentThreshold(-1));
        assertRefused("minimum current must be at least 0, not NaN", () -> b.signMinimumCurrent(Double.NaN));
        assertRefused("window must be positive, not 0.0", () -> b.signWindowSeconds(0));
        assertRefused("max cycle rows must be at least 16, not 15", () -> b.maxCycleRows(15));
        assertRefused("batch rows must be at least 1, not 0", () -> TableContext.builder().batchRows(0));
    }

    private static void assertRefused(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
