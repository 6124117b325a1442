package dev.vigil.evaluate;

import java.util.Locale;

/** Which training rows each entity's model learns from. */
public enum Scope {
    /** One model per entity, trained on that entity's training rows only. */
    PER_ENTITY,
    /** One model for every entity, trained on all entities' training rows pooled. */
    GLOBAL;

    /** The command-line spelling: {@code per-entity} or {@code global}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code per-entity} or {@code global}; the error names the valid values. */
    public static Scope parse(String value) {
        for (Scope scope : values()) {
            if (scope.cliName().equalsIgnoreCase(value.trim())) {
                return scope;
            }
        }
        throw new IllegalArgumentException("scope: unknown value '" + value + "'; choose per-entity or global");
    }
}
