import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The fault suite's "other client": Kafka's own Java producer (the broker's kafka-clients jar).
 * Arguments: bootstrap, topic, a file of tab-separated lines
 * "codec, key (hex or -), value (base64 or -), header name (or empty), header value (base64 or -),
 * timestamp (epoch milliseconds, or - for the producer's clock)".
 * One producer per codec, every record sent before any is awaited (so records share compressed
 * batches); prints "partition TAB offset" per line, in input order.
 */
public class ForeignProducer {
    public static void main(String[] args) throws Exception {
        Map<String, KafkaProducer<byte[], byte[]>> producers = new HashMap<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            String[] f = line.split("\t", -1);
            KafkaProducer<byte[], byte[]> producer = producers.computeIfAbsent(f[0], codec -> create(args[0], codec));
            Long timestamp = f.length > 5 && !f[5].equals("-") ? Long.valueOf(f[5]) : null;
            ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(args[1], null, timestamp, bytes(f[1], true), bytes(f[2], false));
            if (f.length > 3 && !f[3].isEmpty()) {
                record.headers().add(f[3], bytes(f[4], false));
            }
            sent.add(producer.send(record));
        }
        for (KafkaProducer<byte[], byte[]> producer : producers.values()) {
            producer.flush();
        }
        for (Future<RecordMetadata> future : sent) {
            RecordMetadata metadata = future.get();
            System.out.println(metadata.partition() + "\t" + metadata.offset());
        }
        for (KafkaProducer<byte[], byte[]> producer : producers.values()) {
            producer.close();
        }
    }

    static KafkaProducer<byte[], byte[]> create(String bootstrap, String codec) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("compression.type", codec);
        config.put("linger.ms", "200");
        config.put("acks", "all");
        config.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        config.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        return new KafkaProducer<>(config);
    }

    static byte[] bytes(String field, boolean hex) {
        if (field.equals("-")) {
            return null;
        }
        return hex ? HexFormat.of().parseHex(field) : Base64.getDecoder().decode(field);
    }
}
