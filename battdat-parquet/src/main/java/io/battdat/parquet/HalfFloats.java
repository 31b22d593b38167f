package io.battdat.parquet;

/** IEEE 754 binary16 conversions (Parquet's FLOAT16 stores two little-endian bytes per value). */
final class HalfFloats {
    private HalfFloats() {
    }

    /** The exact float value of a half. */
    static float toFloat(int h) {
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float v = mantissa * 0x1p-24f; // subnormal: exact in float
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** The nearest half (ties to even), as numpy's float16 cast rounds. */
    static int fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7fffffff;
        if (abs >= 0x7f800000) {
            return sign | 0x7c00 | (abs > 0x7f800000 ? 0x200 | ((abs >>> 13) & 0x3ff) : 0);
        }
        if (abs >= 0x477ff000) { // rounds to 65520 or more: infinity
            return sign | 0x7c00;
        }
        if (abs < 0x38800000) { // below the smallest normal half: subnormal or zero
            int shift = 126 - (abs >>> 23);
            if (shift > 25) {
                return sign;
            }
            int mantissa = (abs & 0x7fffff) | 0x800000;
            int truncated = mantissa >>> shift;
            int rest = mantissa & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (rest > halfway || (rest == halfway && (truncated & 1) != 0)) {
                truncated++;
            }
            return sign | truncated;
        }
        int rounded = abs + 0xfff + ((abs >>> 13) & 1);
        return sign | ((rounded - (112 << 23)) >>> 13);
    }
}
