package io.switchboard.contracts;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * The headers of a record on {@link Topics#CONTACTS_DLQ} (docs/topics.md): those SmallRye's dead-letter strategy
 * writes, then the record's own. Batch consumers dead-letter a poison record themselves (SmallRye's strategy would
 * send the whole batch), and with these headers their dead letters look the same to operators and replay.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String EXCEPTION_CLASS_NAME = "dead-letter-exception-class-name";
    public static final String CAUSE_CLASS_NAME = "dead-letter-cause-class-name";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private DeadLetterHeaders() {
    }

    public static Headers of(ConsumerRecord<?, ?> record, Throwable failure) {
        return of(record.topic(), record.partition(), record.offset(), record.headers(), failure);
    }

    /** For a record that failed with {@code failure}, read from {@code topic}-{@code partition} at {@code offset}. */
    public static Headers of(String topic, int partition, long offset, Headers original, Throwable failure) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EXCEPTION_CLASS_NAME, failure.getClass().getName());
        add(headers, REASON, String.valueOf(failure.getMessage()));
        if (failure.getCause() != null) {
            add(headers, CAUSE_CLASS_NAME, failure.getCause().getClass().getName());
            add(headers, CAUSE, String.valueOf(failure.getCause().getMessage()));
        }
        add(headers, TOPIC, topic);
        add(headers, PARTITION, Integer.toString(partition));
        add(headers, OFFSET, Long.toString(offset));
        original.forEach(headers::add);
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
