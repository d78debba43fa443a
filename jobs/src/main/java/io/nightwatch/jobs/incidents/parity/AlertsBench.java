package io.nightwatch.jobs.incidents.parity;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.nightwatch.api.ApiServer;
import io.nightwatch.api.alerts.IntakeTopics;
import io.nightwatch.api.alerts.KafkaPublisher;
import io.nightwatch.api.auth.Role;
import io.nightwatch.functions.incidents.config.LabelSets;
import io.nightwatch.functions.incidents.flink.Counters;
import io.nightwatch.jobs.JobMain;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertStatus;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.IncidentEventType;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.Silence;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Runs one generated alert stream through the real Alertmanager and through Nightwatch (via its HTTP intake, and
 * from Kafka straight into the incidents job), with the same routes, group_by, waits, silences and inhibition, and
 * compares the notification groups each produced ({@link GroupAgreement}) and the alerts per second each sustained.
 *
 * <p>Alertmanager's timers are wall-clock, the job's are in ingest time. The stream is posted in two phases so that
 * each group's notifications do not depend on how fast either system is: phase 1 (every alert fires, with repeats)
 * ends before any group's first flush; phase 2 (resolves, new alerts, repeats) starts after every group's first
 * flush and ends before any group's second one. On the Kafka path the records carry timestamps on the same two-phase
 * timeline, so the job replays it as fast as it can read.
 */
public final class AlertsBench {

    /** What to run. */
    public record Settings(int alerts, int groups, long seed, Duration groupWait, Duration groupInterval, int batch,
            boolean viaHttp, boolean viaKafka, int parallelism, Duration margin, AlertStreamGenerator.Inhibition inhibition) {}

    /**
     * One system's run: its intake rate on phase 1 (every alert fires; no group flushes yet on either side), its rate
     * over the whole stream as measured for that path, and the notifications it sent.
     */
    public record Run(String name, double phase1PerSecond, double alertsPerSecond, String measured,
            List<SeenNotification> notifications) {}

    /** How long each live phase took to post. */
    private record Timing(Duration phase1, Duration phase2) {
        Duration total() {
            return phase1.plus(phase2);
        }
    }

    /** Everything measured. */
    public record Result(ParityPlan plan, Run alertmanager, Run nightwatchHttp, Run nightwatchKafka,
            GroupAgreement httpAgreement, GroupAgreement kafkaAgreement) {

        /** The path the last line reports: the Kafka path when it ran. */
        public Run nightwatch() {
            return nightwatchKafka != null ? nightwatchKafka : nightwatchHttp;
        }

        /** Nightwatch's phase-1 intake over Alertmanager's (the figure of the last line). */
        public double ratio() {
            return nightwatch().phase1PerSecond() / alertmanager.phase1PerSecond();
        }

        /** The lowest agreement of the paths that ran. */
        public double agreement() {
            double a = 100;
            if (httpAgreement != null) {
                a = Math.min(a, httpAgreement.percent());
            }
            if (kafkaAgreement != null) {
                a = Math.min(a, kafkaAgreement.percent());
            }
            return a;
        }

        public String lastLine() {
            return String.format(Locale.ROOT, "bench alerts: nightwatch=%.0f alertmanager=%.0f ratio=%.1f group_agreement=%.1f",
                    nightwatch().phase1PerSecond(), alertmanager.phase1PerSecond(), ratio(), agreement());
        }
    }

    private final Settings settings;
    private final BenchInfrastructure infra;
    private final PrintStream out;

    public AlertsBench(Settings settings, BenchInfrastructure infra, PrintStream out) {
        this.settings = settings;
        this.infra = infra;
        this.out = out;
    }

    public Result run() throws Exception {
        ParityPlan plan = AlertStreamGenerator.generate(settings.alerts(), settings.groups(), settings.seed(),
                settings.groupWait(), settings.groupInterval(), settings.inhibition());
        out.printf("stream: %d alerts (%d in phase 1, %d in phase 2), %d distinct alerts, %d groups of the root route, "
                        + "group_wait=%s group_interval=%s, %d silences, %s inhibition rules, 4 receivers%n",
                plan.total(), plan.phase1().size(), plan.phase2().size(), plan.distinctAlerts(), plan.distinctGroups(),
                settings.groupWait(), settings.groupInterval(), plan.silences().size(),
                settings.inhibition() == AlertStreamGenerator.Inhibition.CANONICAL ? "3 (incl. severity=critical)" : "2 bounded");
        Run am = alertmanager(plan);
        Run http = settings.viaHttp() ? nightwatchHttp(plan) : null;
        Run kafka = settings.viaKafka() ? nightwatchKafka(plan) : null;
        GroupAgreement ha = http == null ? null : GroupAgreement.of(am.notifications(), http.notifications(), 5);
        GroupAgreement ka = kafka == null ? null : GroupAgreement.of(am.notifications(), kafka.notifications(), 5);
        report("http intake", ha);
        report("kafka", ka);
        return new Result(plan, am, http, kafka, ha, ka);
    }

    private void report(String path, GroupAgreement g) {
        if (g == null) {
            return;
        }
        out.printf(Locale.ROOT, "agreement (%s): %d of %d groups (%.2f%%); notifications alertmanager=%d nightwatch=%d%n",
                path, g.agreeing(), g.groups(), g.percent(), g.leftNotifications(), g.rightNotifications());
        g.differences().forEach(d -> out.println("  differs: " + d));
    }

    // ---------------------------------------------------------------- Alertmanager

    private Run alertmanager(ParityPlan plan) throws Exception {
        try (WebhookReceiver hook = new WebhookReceiver();
                AlertmanagerProcess am = AlertmanagerProcess.start(plan.alertmanagerYaml(hook.url()))) {
            out.println("alertmanager: " + AlertmanagerProcess.version() + " at " + am.url());
            AlertPoster poster = new AlertPoster(am.url(), "/api/v2/alerts", null, settings.batch());
            Instant now = Instant.now();
            for (ParityPlan.SilenceSpec s : plan.silences()) {
                poster.silence(am.url(), "/api/v2/silences", s, now.minusSeconds(60), now.plus(Duration.ofHours(2)));
            }
            Timing posting = livePhases(plan, poster, hook);
            awaitQuiet(hook);
            double rate = plan.total() / seconds(posting.total());
            double phase1 = plan.phase1().size() / seconds(posting.phase1());
            out.printf(Locale.ROOT, "alertmanager: phase 1 %.0f alerts/s; both phases: %d alerts posted in %.2f s = %.0f alerts/s "
                    + "(one client, batches of %d); %d notifications%n", phase1, plan.total(), seconds(posting.total()), rate,
                    settings.batch(), hook.count());
            return new Run("alertmanager", phase1, rate, "posting time (its intake: decode, store, route, group)",
                    hook.notifications());
        }
    }

    /**
     * Posts both phases on the live schedule; returns the time spent posting. With a webhook (Alertmanager), phase 2
     * also waits until the first flush's notifications stopped arriving, so it does not race the notification storm.
     */
    private Timing livePhases(ParityPlan plan, AlertPoster poster, WebhookReceiver hook) throws Exception {
        long start = System.currentTimeMillis();
        Duration p1 = poster.post(plan.phase1());
        long p1End = System.currentTimeMillis();
        sleepUntil(p1End + plan.groupWait().toMillis() + settings.margin().toMillis());
        if (hook != null) {
            awaitQuiet(hook);
        }
        long p2Start = System.currentTimeMillis();
        Duration p2 = poster.post(plan.phase2());
        long p2End = System.currentTimeMillis();
        if (p2End >= start + plan.groupWait().toMillis() + plan.groupInterval().toMillis()) {
            out.printf("  ! phase 2 ended %d ms after the first group's second flush: raise --group-interval%n",
                    p2End - start - plan.groupWait().toMillis() - plan.groupInterval().toMillis());
        }
        if (p1End - start >= plan.groupWait().toMillis()) {
            out.printf("  ! phase 1 took %d ms, longer than group_wait: raise --group-wait%n", p1End - start);
        }
        out.printf(Locale.ROOT, "  phase 1: %d alerts in %.2f s; phase 2: %d alerts in %.2f s (started %.1f s after phase 1)%n",
                plan.phase1().size(), seconds(p1), plan.phase2().size(), seconds(p2), (p2Start - start) / 1000.0);
        sleepUntil(Math.max(start + plan.groupWait().toMillis() + plan.groupInterval().toMillis(),
                p2End + plan.groupWait().toMillis()) + settings.margin().toMillis());
        return new Timing(p1, p2);
    }

    private static void awaitQuiet(WebhookReceiver hook) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && System.currentTimeMillis() - hook.lastAt() < 2000) {
            Thread.sleep(200);
        }
    }

    // ---------------------------------------------------------------- Nightwatch through the HTTP intake

    private Run nightwatchHttp(ParityPlan plan) throws Exception {
        String prefix = "bench.http." + UUID.randomUUID().toString().substring(0, 8) + ".";
        Topics t = createTopics(prefix);
        Path config = writeConfig(plan);
        StreamExecutionEnvironment env = environment();
        JobMain.define(env, "incidents", jobArgs(t, config, prefix + "group", false, "2s"));
        JobClient job = env.executeAsync("nightwatch-incidents-bench-http");
        try (KafkaPublisher publisher = new KafkaPublisher(infra.bootstrapServers(),
                new IntakeTopics(t.alerts, t.silences, t.approvals), Duration.ofSeconds(10))) {
            ApiServer.Components c = ApiServer.Components.of(infra.dataSource()).withPublisher(publisher);
            String token = c.tokens().create("bench-" + UUID.randomUUID().toString().substring(0, 6), Role.OPERATOR).token();
            Javalin api = ApiServer.create(c).start("127.0.0.1", 0);
            try {
                awaitRunning(job);
                String base = "http://127.0.0.1:" + api.port();
                AlertPoster poster = new AlertPoster(base, "/api/v2/alerts", token, settings.batch());
                Instant now = Instant.now();
                for (ParityPlan.SilenceSpec s : plan.silences()) {
                    poster.silence(base, "/api/silences", s, now.minusSeconds(60), now.plus(Duration.ofHours(2)));
                }
                Thread.sleep(1000); // let the job read the silences before the first alert
                Timing posting = livePhases(plan, poster, null);
                Thread.sleep(5000); // watermark lag (idle-after 2 s + out-of-orderness 1 s) and a checkpoint (2 s)
                double rate = plan.total() / seconds(posting.total());
                double phase1 = plan.phase1().size() / seconds(posting.phase1());
                List<SeenNotification> seen = notifications(plan, t.incidents, Long.MAX_VALUE);
                out.printf(Locale.ROOT, "nightwatch (http intake): phase 1 %.0f alerts/s; both phases: %d alerts posted in "
                        + "%.2f s = %.0f alerts/s (one client, batches of %d, each answered after Kafka acknowledged it); "
                        + "%d notifications%n", phase1, plan.total(), seconds(posting.total()), rate, settings.batch(), seen.size());
                return new Run("nightwatch-http", phase1, rate, "posting time (answered once Kafka has the alerts)", seen);
            } finally {
                api.stop();
            }
        } finally {
            job.cancel().get(60, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------- Nightwatch from Kafka

    /** Only the Kafka path (for profiling): the plan produced to fresh topics and replayed by the bounded job. */
    public Run nightwatchKafka(ParityPlan plan) throws Exception {
        Replay full = replay(plan, true);
        out.printf(Locale.ROOT, "nightwatch (kafka -> job), whole stream: %d alerts from the first read to the last "
                        + "notification in %.2f s = %.0f alerts/s (grouping, silences, inhibition, notifications, enrichment, "
                        + "convergence, the event log to Kafka exactly-once and to PostgreSQL); the whole job from submission "
                        + "to its final checkpoint %.2f s; %d notifications up to the horizon%n",
                plan.total(), full.toLastNotification(), plan.total() / full.toLastNotification(), full.endToEnd(),
                full.notifications().size());
        List<Replay> intakes = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // the median of three: the machine is shared and noisy
            intakes.add(replay(plan, false));
        }
        intakes.sort(java.util.Comparator.comparingDouble(Replay::toLastInsert));
        Replay intake = intakes.get(1);
        out.printf(Locale.ROOT, "  phase 1 alone, three replays: %.3f s, %.3f s, %.3f s (median used)%n",
                intakes.get(0).toLastInsert(), intakes.get(1).toLastInsert(), intakes.get(2).toLastInsert());
        double phase1 = plan.phase1().size() / intake.toLastInsert();
        out.printf(Locale.ROOT, "nightwatch (kafka -> job), phase 1 alone: %d alerts read, parsed, routed and in their "
                        + "groups in %.3f s (first to last insert) = %.0f alerts/s (parallelism %d); its notifications then "
                        + "took %.2f s more%n",
                plan.phase1().size(), intake.toLastInsert(), phase1, settings.parallelism(),
                intake.toLastNotification() - intake.toLastInsert());
        return new Run("nightwatch-kafka", phase1, plan.total() / full.toLastNotification(),
                "in the job: first alert read to the last alert in its group (phase 1), to the last notification (whole)",
                full.notifications());
    }

    /** One bounded replay: seconds from the first alert read to the last insert and last notification, and what it sent. */
    private record Replay(double toLastInsert, double toLastNotification, double endToEnd, List<SeenNotification> notifications) {}

    private Replay replay(ParityPlan plan, boolean bothPhases) throws Exception {
        String prefix = "bench.kafka." + UUID.randomUUID().toString().substring(0, 8) + ".";
        Topics t = createTopics(prefix);
        Path config = writeConfig(plan);
        long gw = plan.groupWait().toMillis();
        long gi = plan.groupInterval().toMillis();
        long margin = settings.margin().toMillis();
        long t0 = Instant.now().minus(Duration.ofMinutes(30)).toEpochMilli();
        long p1Span = gw / 2; // phase 1 inside every group's group_wait, phase 2 inside its first group_interval
        long p2Start = t0 + p1Span + gw + margin;
        long p2Span = Math.max(1, (gi - p1Span - margin) / 2);
        long horizon = Math.max(t0 + gw + gi, p2Start + p2Span + gw) + margin;
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (ParityPlan.SilenceSpec s : plan.silences()) {
                String id = UUID.randomUUID().toString();
                Silence silence = new Silence(id, s.matchers(), Instant.ofEpochMilli(t0 - 60_000),
                        Instant.ofEpochMilli(t0 + 7_200_000), "parity", s.comment(), Instant.ofEpochMilli(t0 - 60_000));
                producer.send(new ProducerRecord<>(t.silences, null, t0 - 60_000, id.getBytes(StandardCharsets.UTF_8),
                        Json.toBytes(silence)));
            }
            produce(producer, t.alerts, plan.phase1(), t0, p1Span);
            if (bothPhases) {
                produce(producer, t.alerts, plan.phase2(), p2Start, p2Span);
            }
            producer.flush();
        }
        StreamExecutionEnvironment env = environment();
        JobMain.define(env, "incidents", jobArgs(t, config, prefix + "group", true, "1h"));
        long submitted = System.nanoTime();
        JobExecutionResult result = env.execute("nightwatch-incidents-bench-kafka");
        double endToEnd = (System.nanoTime() - submitted) / 1e9;
        long firstRead = result.getAccumulatorResult(Counters.FIRST_ALERT_AT);
        long first = result.getAccumulatorResult(Counters.FIRST_INSERT_AT);
        long lastInsert = result.getAccumulatorResult(Counters.LAST_INSERT_AT);
        long lastRead = result.getAccumulatorResult(Counters.LAST_ALERT_AT);
        out.printf(Locale.ROOT, "  (replay: first alert read %d ms before the first reached its group; alerts read in %d ms, "
                + "inserted in %d ms)%n", first - firstRead, lastRead - firstRead, lastInsert - first);
        long lastNotification = result.getAccumulatorResult(Counters.LAST_NOTIFICATION_AT);
        List<SeenNotification> seen = bothPhases ? notifications(plan, t.incidents, horizon) : List.of();
        return new Replay((lastInsert - first) / 1000.0, (Math.max(lastInsert, lastNotification) - first) / 1000.0, endToEnd, seen);
    }

    private static void produce(KafkaProducer<byte[], byte[]> producer, String topic, List<PlannedAlert> alerts,
            long from, long span) {
        for (int i = 0; i < alerts.size(); i++) {
            PlannedAlert p = alerts.get(i);
            long ts = from + span * i / Math.max(1, alerts.size());
            Instant at = Instant.ofEpochMilli(ts);
            Alert a = new Alert(null, "prometheus", p.labels().get("alertname"), p.labels().get("severity"),
                    p.resolve() ? AlertStatus.RESOLVED : AlertStatus.FIRING, p.labels(), p.annotations(),
                    at, p.resolve() ? at : null, null);
            producer.send(new ProducerRecord<>(topic, null, ts, a.fingerprint().getBytes(StandardCharsets.UTF_8), Json.toBytes(a)));
        }
    }

    // ---------------------------------------------------------------- helpers

    /** An environment with checkpoints on disk (the job's state is larger than JobManager memory storage allows). */
    private StreamExecutionEnvironment environment() throws java.io.IOException {
        StreamExecutionEnvironment env = infra.environment();
        env.setParallelism(settings.parallelism());
        Path checkpoints = Files.createTempDirectory("nw-bench-checkpoints");
        checkpoints.toFile().deleteOnExit();
        org.apache.flink.configuration.Configuration conf = new org.apache.flink.configuration.Configuration();
        conf.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        env.configure(conf);
        return env;
    }

    private record Topics(String alerts, String anomalies, String silences, String releases, String approvals,
            String incidents, String deadLetters) {}

    private Topics createTopics(String prefix) throws Exception {
        Topics t = new Topics(prefix + "alerts", prefix + "anomalies", prefix + "silences", prefix + "releases",
                prefix + "approvals", prefix + "incidents", prefix + "deadletter");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : List.of(t.alerts, t.anomalies, t.releases, t.approvals, t.incidents, t.deadLetters)) {
                topics.add(new NewTopic(name, 2, (short) 1));
            }
            topics.add(new NewTopic(t.silences, 1, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
        return t;
    }

    private static Path writeConfig(ParityPlan plan) throws java.io.IOException {
        Path f = Files.createTempFile("nw-parity", ".yml");
        Files.writeString(f, plan.nightwatchYaml());
        f.toFile().deleteOnExit();
        return f;
    }

    private String[] jobArgs(Topics t, Path config, String group, boolean bounded, String idleAfter) {
        return new String[] {"--bootstrap-servers", infra.bootstrapServers(), "--jdbc-url", infra.jdbcUrl(),
                "--group-id", group, "--config", config.toString(),
                "--alerts-topic", t.alerts, "--anomalies-topic", t.anomalies, "--silences-topic", t.silences,
                "--releases-topic", t.releases, "--approvals-topic", t.approvals, "--incidents-topic", t.incidents,
                "--deadletter-topic", t.deadLetters, "--bounded", Boolean.toString(bounded),
                "--checkpoint-interval", bounded ? "10s" : "2s", "--idle-after", idleAfter, "--catalog-refresh", "10min"};
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        return new KafkaProducer<>(p);
    }

    /** Nightwatch's notifications (group incidents' OPENED, NOTIFIED, RESOLVED events) up to {@code horizon}. */
    private List<SeenNotification> notifications(ParityPlan plan, String topic, long horizon) {
        Map<String, Map<String, String>> labels = plan.labelsByFingerprint();
        List<SeenNotification> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(infra.bootstrapServers(), topic)) {
            IncidentEvent e = Json.fromBytes(r.value(), IncidentEvent.class);
            boolean notification = e.type() == IncidentEventType.OPENED || e.type() == IncidentEventType.NOTIFIED
                    || e.type() == IncidentEventType.RESOLVED;
            if (!notification || !e.incidentId().startsWith("inc-") || e.attributes().containsKey("reason")
                    || e.at().toEpochMilli() > horizon) {
                continue;
            }
            JsonNode detail = Json.fromString(e.detail(), JsonNode.class);
            out.add(new SeenNotification(e.groupKey(), e.attributes().get("receiver"),
                    e.at().toEpochMilli() * 1000 + Integer.parseInt(e.attributes().getOrDefault("sequence", "0")),
                    keys(detail.path("firing"), labels), keys(detail.path("resolved"), labels)));
        }
        return out;
    }

    private static SortedSet<String> keys(JsonNode fingerprints, Map<String, Map<String, String>> labels) {
        SortedSet<String> out = new TreeSet<>();
        for (JsonNode fp : fingerprints) {
            Map<String, String> l = labels.get(fp.asText());
            out.add(l == null ? "unknown:" + fp.asText() : LabelSets.toString(l));
        }
        return out;
    }

    private static void awaitRunning(JobClient job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JobStatus s = job.getJobStatus().get(10, TimeUnit.SECONDS);
            if (s == JobStatus.RUNNING) {
                Thread.sleep(2000); // tasks deployed and sources assigned
                return;
            }
            if (s.isGloballyTerminalState()) {
                throw new IllegalStateException("the incidents job ended: " + s);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the incidents job did not start within 60 s");
    }

    private static void sleepUntil(long wallMillis) throws InterruptedException {
        long left = wallMillis - System.currentTimeMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
