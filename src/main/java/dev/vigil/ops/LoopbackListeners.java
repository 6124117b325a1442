package dev.vigil.ops;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.PreboundSocketFactoryManager;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Keeps the in-process broker's broker and controller listeners on the loopback interface. {@link
 * KafkaClusterTestKit} pre-binds every listener's port on all interfaces (so the controller quorum
 * can name its ports before start-up) and would serve on those sockets as they are. {@link
 * #listeners} names {@value #LOOPBACK} as every listener's host, and {@link #rebind} closes the
 * pre-bound sockets before start-up: the test kit then opens each listener on its configured host
 * with the port it reserved.
 */
final class LoopbackListeners {
    /** The address every listener binds to. */
    static final String LOOPBACK = "127.0.0.1";

    private LoopbackListeners() {}

    /** The {@code listeners} broker property: both listeners of a combined node on {@value #LOOPBACK}. */
    static String listeners(TestKitNodes nodes) {
        return nodes.brokerListenerName().value() + "://" + LOOPBACK + ":0,"
                + nodes.controllerListenerName().value() + "://" + LOOPBACK + ":0";
    }

    /** Closes the sockets the test kit bound to all interfaces; call after build, before start-up. */
    static void rebind(KafkaClusterTestKit cluster) throws IOException {
        PreboundSocketFactoryManager sockets = socketManager(cluster);
        TestKitNodes nodes = cluster.nodes();
        Set<Integer> ids = new TreeSet<>(nodes.brokerNodes().keySet());
        ids.addAll(nodes.controllerNodes().keySet());
        List<String> names = List.of(
                nodes.brokerListenerName().value(),
                nodes.controllerListenerName().value());
        for (int id : ids) {
            for (String name : names) {
                close(sockets.getSocketForListenerAndMarkAsUsed(id, name));
            }
        }
    }

    private static void close(ServerSocketChannel socket) throws IOException {
        if (socket != null) {
            socket.close();
        }
    }

    private static PreboundSocketFactoryManager socketManager(KafkaClusterTestKit cluster) {
        try {
            Field field = KafkaClusterTestKit.class.getDeclaredField("socketFactoryManager");
            field.setAccessible(true);
            return (PreboundSocketFactoryManager) field.get(cluster);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this KafkaClusterTestKit keeps its sockets elsewhere", e);
        }
    }
}
