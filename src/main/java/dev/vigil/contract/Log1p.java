package dev.vigil.contract;

/**
 * {@code log(1 + x)}, bit for bit what {@link StrictMath#log1p} returns: fdlibm's {@code s_log1p.c}
 * in Java. On Java 17 {@code Math.log1p} is a native call into the same fdlibm code, and the JNI
 * transition cost a third of each call; here the JIT compiles it inline. {@code Log1pTest} pins the
 * two to the same bits over the whole range.
 *
 * <p>The algorithm and its constants are fdlibm's: Copyright (C) 1993 by Sun Microsystems, Inc. All
 * rights reserved. Developed at SunPro, a Sun Microsystems, Inc. business. Permission to use, copy,
 * modify, and distribute this software is freely granted, provided that this notice is preserved.
 */
final class Log1p {
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double TWO54 = 1.80143985094819840000e+16;
    private static final double LP1 = 6.666666666666735130e-01;
    private static final double LP2 = 3.999999999940941908e-01;
    private static final double LP3 = 2.857142874366239149e-01;
    private static final double LP4 = 2.222219843214978396e-01;
    private static final double LP5 = 1.818357216161805012e-01;
    private static final double LP6 = 1.531383769920937332e-01;
    private static final double LP7 = 1.479819860511658591e-01;

    private Log1p() {}

    /** {@code log(1 + x)}, the same bits as {@code StrictMath.log1p(x)}. */
    static double of(double x) {
        int hx = high(x);
        int ax = hx & 0x7fffffff;
        int k = 1;
        int hu = 0;
        double f = 0;
        if (hx < 0x3FDA827A) { // x < 0.41422
            if (ax >= 0x3ff00000) { // x <= -1.0
                return x == -1.0 ? Double.NEGATIVE_INFINITY : Double.NaN;
            }
            if (ax < 0x3e200000) { // |x| < 2**-29
                return TWO54 + x > 0 && ax < 0x3c900000 ? x : x - x * x * 0.5;
            }
            if (hx > 0 || hx <= 0xbfd2bec3) { // -0.2929 < x < 0.41422
                k = 0;
                f = x;
                hu = 1;
            }
        }
        if (hx >= 0x7ff00000) {
            return x + x;
        }
        double c = 0;
        if (k != 0) {
            double u;
            if (hx < 0x43400000) {
                u = 1.0 + x;
                hu = high(u);
                k = (hu >> 20) - 1023;
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // correction term
                c /= u;
            } else {
                u = x;
                hu = high(u);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000fffff;
            if (hu < 0x6a09e) {
                u = withHigh(u, hu | 0x3ff00000); // normalise u
            } else {
                k += 1;
                u = withHigh(u, hu | 0x3fe00000); // normalise u/2
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        return reduced(f, k, hu, c);
    }

    private static double reduced(double f, int k, int hu, double c) {
        double hfsq = 0.5 * f * f;
        if (hu == 0) { // |f| < 2**-20
            if (f == 0) {
                return k == 0 ? 0 : k * LN2_HI + (c + k * LN2_LO);
            }
            double r = hfsq * (1.0 - 0.66666666666666666 * f);
            return k == 0 ? f - r : k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
        }
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
        return k == 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
    }

    private static int high(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    private static double withHigh(double x, int high) {
        long low = Double.doubleToRawLongBits(x) & 0xffffffffL;
        return Double.longBitsToDouble(((long) high << 32) | low);
    }
}
