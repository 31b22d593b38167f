package io.battdat.hdf5.write;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** float -> float16 conversion, checked against an exact decoding of every half value and the ties between them. */
class HalfFloatTest {
    private static double toDouble(int h) {
        int e = (h >>> 10) & 0x1f;
        int m = h & 0x3ff;
        double magnitude = e == 0x1f ? (m == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
                : e == 0 ? m * Math.pow(2, -24) : (1024 + m) * Math.pow(2, e - 25);
        return (h & 0x8000) != 0 ? -magnitude : magnitude;
    }

    @Test
    void everyHalfRoundTripsAndTiesGoToEven() {
        for (int h = 0; h < 0x10000; h++) {
            double d = toDouble(h);
            if (Double.isNaN(d)) {
                assertEquals(0x7c00, HalfFloat.fromFloat((float) d) & 0x7c00, "NaN stays NaN");
                continue;
            }
            assertEquals((short) h, HalfFloat.fromFloat((float) d), "half " + Integer.toHexString(h));
            int next = h + 1;
            if ((h & 0x7fff) < 0x7bff) {
                double mid = (d + toDouble(next)) / 2; // exactly representable as a float
                short even = (short) ((h & 1) == 0 ? h : next);
                assertEquals(even, HalfFloat.fromFloat((float) mid), "tie after " + Integer.toHexString(h));
            }
        }
        assertEquals((short) 0x7c00, HalfFloat.fromFloat(70000f), "overflow is infinity");
        assertEquals((short) 0, HalfFloat.fromFloat(1e-9f), "underflow is zero");
    }
}
