package io.switchboard.bench;

import io.switchboard.runtime.ChildProcess;
import io.switchboard.runtime.PostgresNode;
import io.switchboard.runtime.SwitchboardStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this machine can do at most with the same broker and database: Kafka's own perf tools with events of our
 * size, and committed single-row inserts into PostgreSQL (one transaction per row, as a work item is stored).
 */
final class Ceilings {

    record Figures(double kafkaProducePerSecond, double kafkaConsumePerSecond, double postgresInsertsPerSecond) {

        /** Each ceiling at the higher of two measurements: the machine at its best within the run. */
        Figures higher(Figures other) {
            return new Figures(Math.max(kafkaProducePerSecond, other.kafkaProducePerSecond),
                    Math.max(kafkaConsumePerSecond, other.kafkaConsumePerSecond),
                    Math.max(postgresInsertsPerSecond, other.postgresInsertsPerSecond));
        }
    }

    private static final Pattern PRODUCED = Pattern.compile("records sent, ([\\d.]+) records/sec");

    private final String bootstrapServers;
    private final PostgresNode postgres;
    private final Path workDir;

    Ceilings(String bootstrapServers, PostgresNode postgres, Path workDir) {
        this.bootstrapServers = bootstrapServers;
        this.postgres = postgres;
        this.workDir = workDir;
    }

    Figures measure(int records, int recordSize, Duration insertDuration) throws Exception {
        String topic = "bench.ceiling." + UUID.randomUUID();
        double produce = kafkaProduce(topic, records, recordSize);
        double consume = kafkaConsume(topic, records);
        double inserts = postgresInserts(insertDuration, 8);
        return new Figures(produce, consume, inserts);
    }

    private double kafkaProduce(String topic, int records, int recordSize) throws IOException, InterruptedException {
        String out = runTool("producer-perf", List.of("org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all",
                "enable.idempotence=true", "linger.ms=5"));
        // The tool prints progress lines and then the total; the last match is the total.
        String last = null;
        Matcher matcher = PRODUCED.matcher(out);
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return last == null ? Double.NaN : Double.parseDouble(last);
    }

    private double kafkaConsume(String topic, int records) throws IOException, InterruptedException {
        String out = runTool("consumer-perf", List.of("org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrapServers, "--topic", topic, "--messages", String.valueOf(records),
                "--group", "bench-ceiling-" + UUID.randomUUID(), "--timeout", "60000"));
        // CSV: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
        List<String> lines = out.lines().filter(line -> line.matches("^\\d{4}-.*")).toList();
        return lines.isEmpty() ? Double.NaN : Double.parseDouble(lines.get(lines.size() - 1).split(",\\s*")[5]);
    }

    private String runTool(String name, List<String> arguments) throws IOException, InterruptedException {
        Path log = workDir.resolve(name + ".log");
        ChildProcess tool = new ChildProcess(name, ChildProcess.java("512m",
                List.of("-cp", System.getProperty("java.class.path")), arguments), java.util.Map.of(), log).start();
        while (tool.isAlive()) {
            Thread.sleep(200);
        }
        return Files.readString(log);
    }

    private double postgresInserts(Duration duration, int connections) throws Exception {
        try (Connection setup = connect()) {
            setup.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_ceiling (id uuid PRIMARY KEY, "
                    + "payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
        }
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long deadline = System.nanoTime() + duration.toNanos();
        List<Callable<Long>> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(() -> {
                long rows = 0;
                try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO bench_ceiling (id, payload) VALUES (?, ?::jsonb)")) {
                    while (System.nanoTime() < deadline) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, "{\"text\":\"ceiling\",\"n\":" + rows + "}");
                        insert.executeUpdate();
                        rows++;
                    }
                }
                return rows;
            });
        }
        long start = System.nanoTime();
        long total = 0;
        for (Future<Long> rows : pool.invokeAll(workers)) {
            total += rows.get();
        }
        pool.shutdown();
        try (Connection cleanup = connect()) {
            cleanup.createStatement().execute("DROP TABLE bench_ceiling");
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }

    private Connection connect() throws SQLException {
        return postgres.connect(SwitchboardStack.DATABASE);
    }
}
