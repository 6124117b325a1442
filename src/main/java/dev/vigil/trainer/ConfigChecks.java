package dev.vigil.trainer;

/**
 * The check every part of a {@link TrainerConfig} runs on its values: a failure is an {@link
 * IllegalArgumentException} whose message starts with the parameter's key and says why.
 */
final class ConfigChecks {
    private ConfigChecks() {}

    /** Fails with "{@code parameter}: {@code why}" unless {@code ok}. */
    static void require(boolean ok, String parameter, String why) {
        if (!ok) {
            throw new IllegalArgumentException(parameter + ": " + why);
        }
    }
}
