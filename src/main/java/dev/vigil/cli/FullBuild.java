package dev.vigil.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * What {@code demo}, {@code bench} and {@code evaluate} need beyond the production class path
 * ({@code target/lib-runtime}, the image's {@code target/lib}). Each command checks its part before
 * it touches a class from it, so the lean image answers with one line and {@link #EXIT_CODE} rather
 * than a {@link NoClassDefFoundError}.
 */
enum FullBuild {
    /** The in-process KRaft broker: Kafka's test kit and the broker itself (kafka_2.13, Scala). */
    BROKER(
            "in-process broker",
            List.of("org.apache.kafka.common.test.KafkaClusterTestKit", "kafka.server.BrokerServer")),
    /** Kafka Streams' {@code TopologyTestDriver}, through which {@code evaluate} replays a dataset. */
    TEST_DRIVER("Kafka Streams test driver", List.of("org.apache.kafka.streams.TopologyTestDriver"));

    /** Exit code of a command run where its part of the full build is missing. */
    static final int EXIT_CODE = 2;

    private final String what;
    private final List<String> classNames;

    FullBuild(String what, List<String> classNames) {
        this.what = what;
        this.classNames = classNames;
    }

    /** Whether every class of this part is on the class path; loads none of them. */
    boolean present() {
        return classNames.stream().allMatch(FullBuild::loadable);
    }

    /**
     * Whether {@code vigil command} can run here; when not, prints why to {@code err}.
     *
     * @return {@code true} when this part is present
     */
    boolean check(String command, PrintWriter err) {
        if (present()) {
            return true;
        }
        err.println(message(command));
        err.flush();
        return false;
    }

    /** The one-line refusal for {@code vigil command}. */
    String message(String command) {
        return "`vigil " + command + "` needs the full build: the production image carries no " + what
                + "; run it from a source checkout";
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, FullBuild.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
