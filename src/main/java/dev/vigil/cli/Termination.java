package dev.vigil.cli;

import sun.misc.Signal;

/**
 * Runs a command's stop action when the process gets SIGTERM or SIGINT, <em>before</em> the JVM
 * starts its shutdown hooks.
 *
 * <p>ONNX Runtime's {@code OrtEnvironment} registers a JVM shutdown hook that frees the native
 * environment. Shutdown hooks run concurrently, so with a hook of our own the environment could be
 * freed while Kafka Streams was still scoring a batch or the model follower was still loading a
 * session, and the process aborted (seen: exit code 134 in {@code ShutdownTest}). Handling the signals
 * here lets a command close Kafka Streams, then its sessions, and only then exit, after which the
 * JVM's hooks find nothing in use.
 */
final class Termination {
    private Termination() {}

    /** Calls {@code stop} once on the first SIGTERM or SIGINT; later signals are ignored. */
    static void onSignal(Runnable stop) {
        Runnable once = new Once(stop);
        Signal.handle(new Signal("TERM"), signal -> once.run());
        Signal.handle(new Signal("INT"), signal -> once.run());
    }

    private static final class Once implements Runnable {
        private final Runnable action;
        private boolean done;

        Once(Runnable action) {
            this.action = action;
        }

        @Override
        public void run() {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
            }
            action.run();
        }
    }
}
