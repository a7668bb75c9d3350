package io.switchboard.runtime;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.switchboard.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), from Kafka's own jars. It keeps
 * its cluster id and log directory across {@link #stop()} and {@link #start()}, so a restart is a real broker
 * outage and recovery, not a fresh cluster.
 */
public final class KafkaNode implements AutoCloseable {

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private EmbeddedKafkaBroker broker;

    public KafkaNode(Path logDir, int port, int controllerPort, String clusterId) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.clusterId = clusterId;
    }

    public synchronized KafkaNode start() {
        if (broker == null) {
            broker = new EmbeddedKafkaBroker()
                    .withNodeId(0)
                    .withClusterId(clusterId)
                    .withKafkaHost("127.0.0.1")
                    .withKafkaPort(port)
                    .withControllerPort(controllerPort)
                    .withDeleteLogDirsOnClose(false)
                    .withAdditionalProperties(props -> {
                        props.put("log.dir", logDir.toString());
                        props.put("log.dirs", logDir.toString());
                        props.put("num.partitions", "3");
                        props.put("offsets.topic.num.partitions", "5");
                        props.put("group.initial.rebalance.delay.ms", "0");
                        // A single node needs no liveness record from its controller twice a second; idle, those
                        // were a third of the broker's CPU (docs/benchmarks.md).
                        props.put("metadata.max.idle.interval.ms", "5000");
                        // A restarted node re-registers only once its previous registration's session expired
                        // (9 s by default): every restart of the local or test broker waited that long. Five
                        // heartbeats of slack still ride out a stalled JVM on a loaded machine.
                        props.put("broker.session.timeout.ms", "5000");
                        props.put("broker.heartbeat.interval.ms", "1000");
                    })
                    .start();
        }
        return this;
    }

    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    public synchronized boolean isRunning() {
        return broker != null && broker.isRunning();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(Collection<String> topics, int partitions) {
        createTopics(bootstrapServers(), topics, partitions);
    }

    public static void createTopics(String bootstrapServers, Collection<String> topics, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String topic : topics) {
                try {
                    NewTopic newTopic = new NewTopic(topic, partitions, (short) 1);
                    if (Topics.COMPACTED.contains(topic)) {
                        newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    admin.createTopics(java.util.List.of(newTopic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + topic, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
