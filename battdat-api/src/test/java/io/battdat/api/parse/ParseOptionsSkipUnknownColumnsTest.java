package io.battdat.api.parse;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParseOptionsSkipUnknownColumnsTest {
    @Test
    void offByDefaultAndKeptBesideOtherSettings() {
        assertFalse(ParseOptions.defaults().skipUnknownColumns());
        ParseOptions o = ParseOptions.defaults().withSettings(Map.of("maccor.ignore-time", "true"))
                .withSkipUnknownColumns(true);
        assertTrue(o.skipUnknownColumns());
        assertEquals("true", o.settings().get("maccor.ignore-time"));
        assertFalse(o.withSkipUnknownColumns(false).skipUnknownColumns());
        assertTrue(ParseOptions.defaults().withSettings(Map.of(ParseOptions.SKIP_UNKNOWN_COLUMNS, "true"))
                .skipUnknownColumns(), "the --option form works too");
    }
}
