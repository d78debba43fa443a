package io.nightwatch.jobs.bench;

import io.nightwatch.functions.anomaly.DetectorParams;
import io.nightwatch.functions.anomaly.StreamingDetector;
import io.nightwatch.functions.metrics.rollup.SeriesRollupEngine;
import io.nightwatch.functions.metrics.rollup.SeriesRollupState;
import io.nightwatch.jobs.config.JobArgs;
import io.nightwatch.jobs.config.KafkaSettings;
import io.nightwatch.jobs.config.MetricsJobConfig;
import io.nightwatch.jobs.io.KafkaIo;
import io.nightwatch.jobs.local.LocalKafka;
import io.nightwatch.jobs.local.Ports;
import io.nightwatch.jobs.local.VarDir;
import io.nightwatch.jobs.metrics.MetricsJob;
import io.nightwatch.schemas.AlertRule;
import io.nightwatch.schemas.Json;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code nightwatch bench metrics}: the same topic of MetricPoint JSON read by a bare KafkaConsumer loop that only
 * counts (median of three runs) and by the metrics job with every operator on (parse, rollups at all resolutions with
 * quantiles, the anomaly detector and CEP, rule matching); sinks discard, so the figure is the job's processing.
 * Then the heap each active series costs in the per-series state with every resolution open.
 */
public final class MetricsBench {

    private static final String TOPIC = "bench.metrics";
    private static final String RULES = "bench.rules";
    private static final String BASE_RULES = "bench.rules.base";

    private MetricsBench() {}

    public static int run(Path home, JobArgs args) throws Exception {
        long points = Long.parseLong(args.optional("points", "5000000"));
        int series = args.integer("series", 100_000, 1, 10_000_000);
        int rules = args.integer("rules", 10, 0, 1_000_000);
        int partitions = args.integer("partitions", 2, 1, 64);
        int parallelism = args.integer("parallelism", 1, 1, 64);
        boolean compareDetector = args.flag("compare-detector", false);
        int compareRules = args.integer("compare-rules", -1, 0, 1_000_000);
        int repeat = args.integer("repeat", compareDetector || compareRules >= 0 ? 2 : 1, 1, 10);
        args.rejectUnknown();

        Path dir = Files.createTempDirectory("nw-bench");
        VarDir var = new VarDir(dir);
        int port = Ports.resolve(0);
        System.out.printf("bench metrics: points=%d series=%d rules=%d partitions=%d parallelism=%d (broker data in %s)%n",
                points, series, rules, partitions, parallelism, dir);
        try (LocalKafka kafka = LocalKafka.start(home, var, port, Ports.resolve(0))) {
            BenchData data = new BenchData(series, points);
            createTopics(kafka.bootstrapServers(), partitions);
            load(kafka.bootstrapServers(), data, points);
            publishRules(kafka.bootstrapServers(), RULES, data.rules(rules));
            if (compareRules >= 0) {
                publishRules(kafka.bootstrapServers(), BASE_RULES, data.rules(compareRules));
            }

            double[] consumer = new double[3];
            for (int i = 0; i < consumer.length; i++) {
                consumer[i] = bareConsumer(kafka.bootstrapServers(), points);
                System.out.printf(Locale.ROOT, "  consumer run %d: %.0f records/s%n", i + 1, consumer[i]);
            }
            Arrays.sort(consumer);
            // runs alternate (with, without, with, ...) so that neither side always gets the colder JVM; best of each
            double job = 0;
            double without = 0;
            double base = 0;
            for (int i = 0; i < repeat; i++) {
                job = Math.max(job, runJob(kafka.bootstrapServers(), points, parallelism, true, RULES));
                if (compareDetector) {
                    without = Math.max(without, runJob(kafka.bootstrapServers(), points, parallelism, false, RULES));
                }
                if (compareRules >= 0) {
                    base = Math.max(base, runJob(kafka.bootstrapServers(), points, parallelism, true, BASE_RULES));
                }
            }
            if (compareRules >= 0) {
                System.out.printf(Locale.ROOT, "bench metrics rules: rules_%d=%.0f rules_%d=%.0f cost=%.1f%% of the "
                        + "throughput (best of %d alternating runs each)%n", rules, job, compareRules, base,
                        100 * (1 - job / base), repeat);
            }
            if (compareDetector) {
                System.out.printf(Locale.ROOT, "bench metrics detector: with=%.0f without=%.0f cost_per_point=+%.1f%% "
                        + "(best of %d alternating runs each)%n", job, without, 100 * (without / job - 1), repeat);
            }
            long heap = heapPerSeries(Math.min(series, 100_000));
            System.out.printf(Locale.ROOT, "bench metrics: job=%.0f consumer=%.0f ratio=%.3f heap_per_series=%d rules=%d%n",
                    job, consumer[1], job / consumer[1], heap, rules);
            return 0;
        }
    }

    private static void createTopics(String bootstrap, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1), new NewTopic(RULES, 1, (short) 1),
                            new NewTopic(BASE_RULES, 1, (short) 1)))
                    .all().get();
        }
    }

    private static void load(String bootstrap, BenchData data, long points) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "524288");
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, "268435456");
        long t0 = System.nanoTime();
        SplittableRandom random = new SplittableRandom(42);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            long step = Math.max(1, points / 10);
            for (long n = 0; n < points; n++) {
                producer.send(new ProducerRecord<>(TOPIC, data.key(n), data.point(n, random)));
                if ((n + 1) % step == 0) {
                    System.out.printf("  loading: %d%% (%d points)%n", (n + 1) * 100 / points, n + 1);
                }
            }
            producer.flush();
        }
        System.out.printf(Locale.ROOT, "  loaded %d points in %.1f s%n", points, (System.nanoTime() - t0) / 1e9);
    }

    private static void publishRules(String bootstrap, String topic, List<AlertRule> rules) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (AlertRule r : rules) {
                producer.send(new ProducerRecord<>(topic, r.id().getBytes(StandardCharsets.UTF_8), Json.toBytes(r)));
            }
        }
    }

    /**
     * A plain consumer loop that only counts records, with the consumer defaults the job's source also uses;
     * records/s from the first poll to the last record.
     */
    static double bareConsumer(String bootstrap, long points) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> tps = new ArrayList<>();
            c.partitionsFor(TOPIC).forEach(pi -> tps.add(new TopicPartition(TOPIC, pi.partition())));
            c.assign(tps);
            c.seekToBeginning(tps);
            long count = 0;
            long t0 = System.nanoTime();
            while (count < points) {
                ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(500));
                count += records.count();
            }
            return count / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** The metrics job, bounded at the topic's end, every operator on, sinks discarding. */
    private static double runJob(String bootstrap, long points, int parallelism, boolean detector, String rulesTopic)
            throws Exception {
        JobArgs jobArgs = JobArgs.of("--bootstrap-servers", bootstrap, "--jdbc-url", "jdbc:postgresql://unused/bench",
                "--metrics-topic", TOPIC, "--rules-topic", rulesTopic, "--bounded", "true", "--group-id", "bench-" + System.nanoTime(),
                "--anomaly-detection", Boolean.toString(detector));
        MetricsJobConfig config = MetricsJobConfig.fromArgs(jobArgs);
        Configuration conf = new Configuration();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        env.getConfig().enableObjectReuse();
        KafkaSettings kafka = config.kafka();
        new MetricsJob(config).defineWorkflow(env,
                new MetricsJob.Sources(KafkaIo.rawSource(kafka, TOPIC), KafkaIo.compactedSource(kafka, rulesTopic)),
                new MetricsJob.Sinks(new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(),
                        new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>()));
        System.out.println("  running the metrics job" + (detector ? "" : " without the anomaly detector") + " (rules from "
                + rulesTopic + ") ...");
        JobExecutionResult result = env.execute("bench-metrics");
        double seconds = result.getNetRuntime() / 1000.0;
        System.out.printf(Locale.ROOT, "  job: %d points in %.1f s (net runtime, job start included)%n", points, seconds);
        return points / seconds;
    }

    /**
     * Heap of the per-series state with every resolution open: template series are run for 25 hours of 5-second
     * points (so the 1m, 5m, 15m, 1h and 1d windows are all open with realistic sketches), then {@code n} series are
     * given deep copies of them under their own keys in a hash map (as the heap state backend holds them).
     */
    static long heapPerSeries(int n) {
        SeriesRollupEngine engine = new SeriesRollupEngine(0);
        StreamingDetector detector = new StreamingDetector(DetectorParams.defaults());
        int templates = 10;
        SeriesRollupState[] t = new SeriesRollupState[templates];
        long start = 1_795_000_000_000L / 86_400_000L * 86_400_000L;
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < templates; k++) {
            t[k] = SeriesRollupState.of("svc-0/svc-0-i" + k + "/m" + k + "{region=eu-west-1,zone=a}", "svc-0",
                    "svc-0-i" + k, "m" + k, Map.of("zone", "a", "region", "eu-west-1"));
            t[k].detector = detector.newState();
            long ts = start;
            long end = start + 25L * 3_600_000L + 7 * 60_000L + 30_000L;
            for (; ts < end; ts += 5000) {
                double v = (20 + 10 * k) * (1 + 0.1 * random.nextGaussian());
                engine.add(t[k], ts, v, ts - 5000, r -> { });
                detector.update(t[k].detector, ts, v);
                engine.close(t[k], ts - 5000, r -> { });
            }
        }
        TypeSerializer<SeriesRollupState> copier =
                TypeInformation.of(SeriesRollupState.class).createSerializer(new SerializerConfigImpl());
        Runtime rt = Runtime.getRuntime();
        long before = usedAfterGc(rt);
        Map<String, SeriesRollupState> states = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            SeriesRollupState s = copier.copy(t[i % templates]);
            String key = "svc-" + (i / 200) + "/svc-" + (i / 200) + "-i" + (i / 10 % 20) + "/m" + (i % 10)
                    + "{region=eu-west-1,zone=a}";
            s.series = key;
            s.service = new String(s.service); // each series holds its own strings, as parsed from its own points
            s.instance = new String(s.instance);
            s.metric = new String(s.metric);
            s.labels = Map.of(new String("zone"), new String("a"), new String("region"), new String("eu-west-1"));
            states.put(key, s);
        }
        long after = usedAfterGc(rt);
        if (states.size() != n) {
            throw new IllegalStateException("lost states");
        }
        return (after - before) / n;
    }

    private static long usedAfterGc(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
