package io.nightwatch.jobs.local;

import io.nightwatch.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A real Kafka broker (KRaft, combined broker and controller) as a child JVM started from the Maven jars
 * listed in {@code deploy/target/kafka-broker.classpath}; data under {@code var/kafka}, kept across runs.
 */
public final class LocalKafka implements AutoCloseable {

    private final ChildProcess process;
    private final String bootstrap;

    private LocalKafka(ChildProcess process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    /** Formats the storage on first use, starts the broker and waits until it answers. */
    public static LocalKafka start(Path home, VarDir var, int port, int controllerPort) throws Exception {
        Path cpFile = home.resolve("deploy/target/kafka-broker.classpath");
        if (!Files.exists(cpFile)) {
            throw new IllegalStateException("missing " + cpFile + "; build first: mvn -DskipTests install");
        }
        String classpath = Files.readString(cpFile).trim();
        Path dir = var.kafka();
        Path data = dir.resolve("data");
        Path props = dir.resolve("server.properties");
        Files.writeString(props, serverProperties(port, controllerPort, data));
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, """
                rootLogger.level = WARN
                rootLogger.appenderRef.out.ref = out
                appender.out.type = Console
                appender.out.name = out
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = %d %-5p %c{1} - %m%n
                """);
        Path log = var.logs().resolve("kafka.log");
        if (!Files.exists(data.resolve("meta.properties"))) {
            ChildProcess.runJava("kafka storage format", classpath, "kafka.tools.StorageTool",
                    List.of("format", "-t", Uuid.randomUuid().toString(), "-c", props.toString(), "--standalone"), log);
        }
        ChildProcess p = ChildProcess.startJava("kafka", List.of("-Xms256m", "-Xmx768m",
                        "-Dlog4j2.configurationFile=" + log4j.toUri(), "-Dkafka.logs.dir=" + var.logs()),
                classpath, "kafka.Kafka", List.of(props.toString()), dir.resolve("broker.pid"), log);
        LocalKafka kafka = new LocalKafka(p, "localhost:" + port);
        kafka.awaitReady(Duration.ofSeconds(90));
        return kafka;
    }

    private static String serverProperties(int port, int controllerPort, Path data) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=localhost:%2$d
                listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=PLAINTEXT://localhost:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=2
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                transaction.max.timeout.ms=3600000
                """.formatted(port, controllerPort, data);
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited during start; see " + process.log());
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("the Kafka broker did not answer within " + timeout.toSeconds() + " s; see "
                + process.log(), last);
    }

    /** Creates the missing topics of {@link Topics#ALL} (compacted where the design says so). */
    public void createTopics(int partitions) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String t : Topics.ALL) {
                if (!existing.contains(t)) {
                    NewTopic nt = new NewTopic(t, partitions, (short) 1);
                    if (Topics.COMPACTED.contains(t)) {
                        nt.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    missing.add(nt);
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    @Override
    public void close() {
        process.close();
    }
}
