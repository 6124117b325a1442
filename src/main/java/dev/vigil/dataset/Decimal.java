package dev.vigil.dataset;

/**
 * Exact fast path of decimal parsing (Clinger): a number with at most 15 significant digits and a
 * decimal exponent within ±22 is one correctly rounded multiplication or division of two exactly
 * representable doubles, hence equal to {@link Double#parseDouble}'s result.
 */
final class Decimal {
    private static final int MAX_DIGITS = 15;
    private static final int MAX_EXPONENT = 22;
    private static final double[] POWERS = new double[MAX_EXPONENT + 1];

    static {
        POWERS[0] = 1;
        for (int i = 1; i <= MAX_EXPONENT; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private Decimal() {}

    /** The value of bytes[from, to) ({@code [+-]digits[.digits][(e|E)[+-]digits]}), or NaN when off the fast path. */
    static double parse(byte[] b, int from, int to) {
        int i = from;
        boolean negative = i < to && b[i] == '-';
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean seenDigit = false;
        boolean seenPoint = false;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d >= 0 && d <= 9) {
                seenDigit = true;
                if (mantissa != 0 || d != 0) {
                    if (++digits > MAX_DIGITS) {
                        return Double.NaN;
                    }
                    mantissa = mantissa * 10 + d;
                }
                scale -= seenPoint ? 1 : 0;
            } else if (b[i] == '.' && !seenPoint) {
                seenPoint = true;
            } else {
                break;
            }
        }
        if (!seenDigit) {
            return Double.NaN;
        }
        if (i < to) {
            int exponent = exponent(b, i, to);
            if (exponent == Integer.MIN_VALUE) {
                return Double.NaN;
            }
            scale += exponent;
        }
        return scaled(negative, mantissa, scale);
    }

    private static double scaled(boolean negative, long mantissa, int scale) {
        if (scale < -MAX_EXPONENT || scale > MAX_EXPONENT) {
            return mantissa == 0 ? (negative ? -0.0 : 0.0) : Double.NaN;
        }
        double value = scale >= 0 ? mantissa * POWERS[scale] : mantissa / POWERS[-scale];
        return negative ? -value : value;
    }

    /** The exponent of {@code (e|E)[+-]digits} filling bytes[from, to), or MIN_VALUE if malformed or large. */
    private static int exponent(byte[] b, int from, int to) {
        int i = from;
        if (b[i] != 'e' && b[i] != 'E') {
            return Integer.MIN_VALUE;
        }
        i++;
        boolean negative = i < to && b[i] == '-';
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        if (i == to || to - i > 3) {
            return Integer.MIN_VALUE;
        }
        int e = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return Integer.MIN_VALUE;
            }
            e = e * 10 + d;
        }
        return negative ? -e : e;
    }
}
