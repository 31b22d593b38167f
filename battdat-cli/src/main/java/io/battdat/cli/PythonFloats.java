package io.battdat.cli;

/** Python's text forms of floats where they differ from Java's. */
final class PythonFloats {
    private PythonFloats() {
    }

    /** Python's {@code float.hex()}: {@code 0x1.18c15cc73b444p+25}, {@code -0x0.0p+0}, {@code inf}, {@code nan}. */
    static String hex(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        long bits = Double.doubleToRawLongBits(v);
        String sign = bits < 0 ? "-" : "";
        int exponent = (int) ((bits >>> 52) & 0x7ff);
        long mantissa = bits & 0xfffffffffffffL;
        if (exponent == 0 && mantissa == 0) {
            return sign + "0x0.0p+0";
        }
        String digits = String.format("%013x", mantissa);
        if (exponent == 0) {
            return sign + "0x0." + digits + "p-1022";
        }
        int e = exponent - 1023;
        return sign + "0x1." + digits + "p" + (e >= 0 ? "+" : "-") + Math.abs(e);
    }
}
