package dev.vigil.bench;

import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.common.Node;

/** The bytes a broker holds in the logs of the topics a predicate picks (batch headers and markers included). */
final class BrokerBytes {
    private BrokerBytes() {}

    /** The summed log size of every partition of the picked topics, over all brokers of the cluster. */
    static long of(Admin admin, Predicate<String> topics) throws InterruptedException {
        try {
            Collection<Integer> brokers =
                    admin.describeCluster().nodes().get().stream().map(Node::id).toList();
            return admin.describeLogDirs(brokers).allDescriptions().get().values().stream()
                    .flatMap(dirs -> dirs.values().stream())
                    .map(LogDirDescription::replicaInfos)
                    .flatMap(replicas -> replicas.entrySet().stream())
                    .filter(replica -> topics.test(replica.getKey().topic()))
                    .mapToLong(replica -> replica.getValue().size())
                    .sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the broker's log sizes: " + e.getCause(), e.getCause());
        }
    }
}
