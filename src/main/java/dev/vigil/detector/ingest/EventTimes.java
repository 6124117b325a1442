package dev.vigil.detector.ingest;

import dev.vigil.detector.events.RejectReason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Event times as records carry them: a number must be a whole number of epoch milliseconds within the
 * range of a long, a text an ISO-8601 instant; anything else is refused as {@code BAD_TIMESTAMP},
 * never truncated, wrapped or replaced.
 */
final class EventTimes {
    /** 2^63: doubles at or beyond it (or below its negation) are outside the range of a long. */
    private static final double LONG_LIMIT = 0x1p63;
    /** Longest piece of a bad value quoted in a message. */
    private static final int QUOTED_CHARS = 64;

    private EventTimes() {}

    /** The epoch milliseconds {@code number} (found at {@code where}) stands for. */
    static long fromNumber(Number number, String where) throws RejectedException {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        if (number instanceof BigInteger big) {
            if (big.bitLength() < Long.SIZE) {
                return big.longValue();
            }
            throw beyondLong(where, big);
        }
        if (number instanceof BigDecimal decimal) {
            return fromDecimal(decimal, where);
        }
        return fromDouble(number.doubleValue(), where);
    }

    /** The epoch milliseconds of the ISO-8601 instant {@code text} (found at {@code where}). */
    static long fromText(String text, String where) throws RejectedException {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw bad(where + " is the text \"" + quote(text) + "\", not an ISO-8601 instant such as"
                    + " 2026-01-01T00:00:00Z (epoch milliseconds must be a number)");
        } catch (ArithmeticException e) {
            throw beyondLong(where, text);
        }
    }

    /** A refusal of {@code value}, of a type that cannot be a time; {@code expected} says what can. */
    static RejectedException notATime(String where, Object value, String expected) {
        return bad(where + " is " + quote(String.valueOf(value)) + ", not a time: " + expected);
    }

    private static long fromDecimal(BigDecimal decimal, String where) throws RejectedException {
        if (decimal.stripTrailingZeros().scale() > 0) {
            throw notWhole(where, decimal);
        }
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException e) {
            throw beyondLong(where, decimal);
        }
    }

    private static long fromDouble(double value, String where) throws RejectedException {
        if (!Double.isFinite(value)) {
            throw bad(where + " is " + value + ", not a time");
        }
        if (value != Math.rint(value)) {
            throw notWhole(where, value);
        }
        if (value >= LONG_LIMIT || value < -LONG_LIMIT) {
            throw beyondLong(where, value);
        }
        return (long) value;
    }

    private static RejectedException notWhole(String where, Object value) {
        return bad(where + " is " + value + ", not a whole number of epoch milliseconds");
    }

    private static RejectedException beyondLong(String where, Object value) {
        return bad(where + " is " + quote(String.valueOf(value)) + ", beyond the range of epoch milliseconds (a long)");
    }

    private static RejectedException bad(String message) {
        return RejectedException.of(RejectReason.BAD_TIMESTAMP, message);
    }

    private static String quote(String text) {
        return text.length() <= QUOTED_CHARS ? text : text.substring(0, QUOTED_CHARS) + "...";
    }
}
