package io.battdat.api.metadata;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A parser's facts fill what the user left unset, and never override what the user gave. */
class MetadataDefaultsTest {
    @Test
    void unsetFieldsAreFilledAtEveryLevelAndSetOnesKept() {
        BatteryMetadata user = BatteryMetadata.fromJson(
                "{\"name\":\"cell 7\",\"test_protocol\":{\"cycler\":\"mine\"},\"lab\":\"A\"}");
        BatteryMetadata file = BatteryMetadata.fromJson("{\"name\":\"from file\",\"comments\":\"barcode X\","
                + "\"test_protocol\":{\"cycler\":\"Neware BTS\",\"schedule\":\"cc.xml\",\"neware\":{\"unit\":3}},"
                + "\"lab\":\"B\",\"channel\":5}");
        BatteryMetadata merged = user.withDefaultsFrom(file);
        assertEquals("cell 7", merged.name());
        assertEquals("barcode X", merged.comments());
        assertEquals("mine", merged.testProtocol().cycler());
        assertEquals("cc.xml", merged.testProtocol().schedule());
        assertEquals(3L, ((Number) ((java.util.Map<?, ?>) merged.testProtocol().extra().get("neware")).get("unit")).longValue());
        assertEquals("A", merged.extra().get("lab"));
        assertEquals(5L, ((Number) merged.extra().get("channel")).longValue());
    }
}
