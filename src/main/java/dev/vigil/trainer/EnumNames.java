package dev.vigil.trainer;

import java.util.Arrays;
import java.util.Locale;

/**
 * Lower-case spellings of the trainer's enum constants, as the command line, the trainer service's
 * properties and bundles write them; a parse failure names the key and lists the valid spellings.
 */
final class EnumNames {
    private EnumNames() {}

    /** The lower-case spelling of {@code constant}. */
    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} spelt {@code text} (any case); the error starts with {@code key}. */
    static <E extends Enum<E>> E parse(Class<E> type, String key, String text) {
        if (text == null) {
            throw new IllegalArgumentException(key + ": must be set");
        }
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equalsIgnoreCase(text.trim())) {
                return constant;
            }
        }
        throw new IllegalArgumentException(
                key + ": unknown " + key + " '" + text + "'; choose one of " + String.join(", ", all(type)));
    }

    /** Every spelling of {@code type}, in declaration order. */
    static String[] all(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(EnumNames::of).toArray(String[]::new);
    }
}
