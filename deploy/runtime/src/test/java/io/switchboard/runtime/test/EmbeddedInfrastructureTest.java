package io.switchboard.runtime.test;

import io.switchboard.runtime.KafkaNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedInfrastructureTest {

    @Test
    void brokerAndDatabaseServeAndSurviveARestart() throws Exception {
        try (EmbeddedInfrastructure infra = EmbeddedInfrastructure.underTarget(true, "switchboard")) {
            Map<String, String> config = infra.quarkusConfig();
            KafkaNode.createTopics(infra.bootstrapServers(), List.of("probe"), 1);
            assertThat(produce(infra.bootstrapServers())).isZero();

            infra.stopBroker();
            infra.startBroker();
            assertThat(produce(infra.bootstrapServers())).isEqualTo(1);

            infra.stopDatabase();
            infra.startDatabase();
            try (var connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                    config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
                var result = connection.createStatement().executeQuery("SELECT current_database()");
                result.next();
                assertThat(result.getString(1)).isEqualTo("switchboard");
            }
        }
    }

    /** Sends one record to "probe" and returns its offset: the log survives a broker restart. */
    private static long produce(String bootstrap) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>("probe", "k", "v")).get(30, TimeUnit.SECONDS).offset();
        }
    }
}
