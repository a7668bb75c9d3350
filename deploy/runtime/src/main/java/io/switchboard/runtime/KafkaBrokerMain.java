package io.switchboard.runtime;

import java.nio.file.Path;

/**
 * Runs {@link KafkaNode} as a process of its own (the local run and the system tests), so it can be killed and
 * restarted like a real broker. Arguments: port, controller port, log folder, cluster id.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 4) {
            System.err.println("usage: KafkaBrokerMain <port> <controller-port> <log-dir> <cluster-id>");
            System.exit(2);
        }
        KafkaNode node = new KafkaNode(Path.of(args[2]), Integer.parseInt(args[0]), Integer.parseInt(args[1]), args[3]);
        Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "kafka-shutdown"));
        node.start();
        System.out.println("Kafka broker ready on " + node.bootstrapServers());
        Thread.currentThread().join();
    }
}
