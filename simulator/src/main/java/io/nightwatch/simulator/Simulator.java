package io.nightwatch.simulator;

import io.nightwatch.simulator.fleet.Fleet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The simulator as one unit: a fleet and its metric emitter, producing to Kafka. */
public final class Simulator implements AutoCloseable {

    /** How the simulator is configured. */
    public record Config(String bootstrapServers, String metricsTopic, Duration interval, Duration backfill, Path stateFile) {}

    private final Fleet fleet;
    private final KafkaProducer<byte[], byte[]> producer;
    private final MetricEmitter emitter;

    public Simulator(Config config, Fleet fleet) {
        this.fleet = fleet;
        this.producer = new KafkaProducer<>(producerProps(config.bootstrapServers()));
        this.emitter = new MetricEmitter(fleet, producer, config.metricsTopic(), config.interval(), config.backfill(),
                config.stateFile());
    }

    public void start() {
        emitter.start();
    }

    public Fleet fleet() {
        return fleet;
    }

    public long pointsSent() {
        return emitter.pointsSent();
    }

    static Properties producerProps(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "nightwatch-simulator");
        return p;
    }

    @Override
    public void close() {
        emitter.close();
        producer.close(Duration.ofSeconds(5));
    }
}
