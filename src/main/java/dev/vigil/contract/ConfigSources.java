package dev.vigil.contract;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where the detector's and the trainer's settings come from: a properties file, overlaid by
 * {@code VIGIL_*} environment variables ({@code VIGIL_INPUT_TOPIC=x} sets {@code input.topic=x}); the
 * environment wins. Values are trimmed; typing and validation are the caller's configuration class's,
 * which refuses unknown keys ({@link KeySuggestion}). The variables of {@link #RESERVED_ENV} are not
 * configuration keys and are skipped; logging is set by {@code LOG_*} variables, outside the prefix.
 */
public final class ConfigSources {
    /** Prefix of environment variables read as configuration. */
    public static final String ENV_PREFIX = "VIGIL_";
    /** Default address of the ops endpoint ({@code --metrics-address}), read by the command line. */
    public static final String OPS_BIND_ADDRESS_ENV = "VIGIL_OPS_BIND_ADDRESS";
    /** JVM options of the {@code ./vigil} launcher script. */
    public static final String JAVA_OPTS_ENV = "VIGIL_JAVA_OPTS";
    /** {@code VIGIL_*} variables that are not configuration keys: never read as such, never refused. */
    public static final Set<String> RESERVED_ENV = Set.of(OPS_BIND_ADDRESS_ENV, JAVA_OPTS_ENV);

    private ConfigSources() {}

    /** Reads {@code file} (may be null) and overlays the {@code VIGIL_*} entries of {@code env}. */
    public static Map<String, String> load(Path file, Map<String, String> env) throws IOException {
        Map<String, String> values = new HashMap<>();
        if (file != null) {
            values.putAll(readProperties(file));
        }
        values.putAll(fromEnvironment(env));
        return values;
    }

    /**
     * {@code VIGIL_INPUT_TOPIC=x} becomes {@code input.topic=x}; variables without the prefix, and
     * those of {@link #RESERVED_ENV}, are ignored.
     */
    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length() && !RESERVED_ENV.contains(name)) {
                values.put(toKey(name), value.trim());
            }
        });
        return values;
    }

    /** The environment variable that sets {@code key}: {@code input.topic} → {@code VIGIL_INPUT_TOPIC}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static String toKey(String variable) {
        return variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Map<String, String> readProperties(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        }
        Map<String, String> values = new HashMap<>();
        props.stringPropertyNames()
                .forEach(name -> values.put(name, props.getProperty(name).trim()));
        return values;
    }
}
