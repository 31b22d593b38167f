package io.battdat.api.parse;

/**
 * Parses decimal numbers straight from a parser's character buffer, without making a {@code String} per field.
 *
 * <p>Accepts what cycler exports and pandas' {@code read_csv} accept as numbers: an optional sign, digits with an
 * optional decimal point, an optional exponent ({@code 1.5E-05}), surrounding spaces, and the words {@code NaN},
 * {@code nan}, {@code inf}, {@code Infinity} (any case, with a sign). Nothing else: Java's {@code 1d} or hex
 * floats are errors, unlike {@link Double#parseDouble}.
 *
 * <p>Most values take Clinger's fast path (at most 18 significant digits whose mantissa fits in 53 bits, a power of
 * ten up to 22), which is exact because both operands are exact doubles and one IEEE operation rounds correctly;
 * the rest go through {@link Double#parseDouble}, so every result is the correctly rounded double, as Python's.
 */
public final class Decimals {
    private static final double[] POWERS = {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
            1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long MAX_EXACT = 1L << 53;

    private Decimals() {
    }

    /**
     * The number in {@code buf[off, off + len)}.
     *
     * @throws NumberFormatException when the text is not a number (also when it is empty or blank); callers turn
     *                               it into a located {@link io.battdat.api.BadFormatException}
     */
    public static double parseDouble(char[] buf, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && buf[i] == ' ') {
            i++;
        }
        while (end > i && buf[end - 1] == ' ') {
            end--;
        }
        if (i == end) {
            throw new NumberFormatException("empty value");
        }
        int start = i;
        boolean negative = false;
        if (buf[i] == '-' || buf[i] == '+') {
            negative = buf[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int exponent = 0;
        boolean anyDigit = false;
        boolean overflow = false;
        boolean afterPoint = false;
        for (; i < end; i++) {
            char c = buf[i];
            if (c == '.' && !afterPoint) {
                afterPoint = true;
                continue;
            }
            if (c < '0' || c > '9') {
                break;
            }
            anyDigit = true;
            if (digits < 18) {
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa != 0) {
                    digits++;
                }
                // a kept fraction digit scales the mantissa down
                exponent -= afterPoint ? 1 : 0;
            } else {
                overflow = true;
                // a dropped integer digit scales it up
                exponent += afterPoint ? 0 : 1;
            }
        }
        if (!anyDigit) {
            return word(buf, start, end, negative);
        }
        if (i < end && (buf[i] == 'e' || buf[i] == 'E')) {
            i++;
            boolean negExp = false;
            if (i < end && (buf[i] == '-' || buf[i] == '+')) {
                negExp = buf[i] == '-';
                i++;
            }
            if (i == end) {
                throw notANumber(buf, start, end);
            }
            int e = 0;
            while (i < end && buf[i] >= '0' && buf[i] <= '9') {
                if (e < 100_000) {
                    e = e * 10 + (buf[i] - '0');
                }
                i++;
            }
            exponent += negExp ? -e : e;
        }
        if (i != end) {
            throw notANumber(buf, start, end);
        }
        if (!overflow && mantissa < MAX_EXACT && exponent >= -22 && exponent <= 22) {
            double value = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
            return negative ? -value : value;
        }
        // validated above: the JDK parser sees only [sign] digits [. digits] [e [sign] digits]
        return Double.parseDouble(new String(buf, start, end - start));
    }

    /** {@link #parseDouble(char[], int, int)} of a whole string. */
    public static double parseDouble(String text) {
        char[] chars = text.toCharArray();
        return parseDouble(chars, 0, chars.length);
    }

    /**
     * The integer in {@code buf[off, off + len)}; a decimal form of an integer ({@code 3.0}, {@code 1E3}) is
     * accepted because exports write integers that way.
     *
     * @throws NumberFormatException when the text is not a number or not a whole number
     */
    public static long parseLong(char[] buf, int off, int len) {
        double d = parseDouble(buf, off, len);
        if (d != Math.rint(d) || Double.isInfinite(d) || Math.abs(d) > 9.007199254740992E15) {
            throw new NumberFormatException("not a whole number: " + new String(buf, off, len).trim());
        }
        return (long) d;
    }

    private static double word(char[] buf, int start, int end, boolean negative) {
        int from = buf[start] == '-' || buf[start] == '+' ? start + 1 : start;
        String w = new String(buf, from, end - from);
        if (w.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (w.equalsIgnoreCase("inf") || w.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw notANumber(buf, start, end);
    }

    private static NumberFormatException notANumber(char[] buf, int start, int end) {
        String text = new String(buf, start, Math.min(end - start, 40));
        return new NumberFormatException("not a number: '" + text + "'");
    }
}
