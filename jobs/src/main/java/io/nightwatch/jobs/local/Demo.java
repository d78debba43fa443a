package io.nightwatch.jobs.local;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.nightwatch.api.ApiConfig;
import io.nightwatch.api.ApiServer;
import io.nightwatch.api.ApiServerMain;
import io.nightwatch.api.releases.SimulatorReleaseSystem;
import io.nightwatch.jobs.canary.CanaryJob;
import io.nightwatch.jobs.metrics.MetricsJob;
import io.nightwatch.jobs.scenarios.Scenario;
import io.nightwatch.jobs.scenarios.ScenarioContext;
import io.nightwatch.jobs.scenarios.ScenarioFailed;
import io.nightwatch.jobs.scenarios.Scenarios;
import io.nightwatch.schemas.Topics;
import io.nightwatch.simulator.Simulator;
import io.nightwatch.simulator.fleet.Fleet;
import io.nightwatch.simulator.release.ReleaseSystem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code nightwatch demo}: every part of Nightwatch on this machine — Kafka, PostgreSQL, the analyzer service, the
 * jobs on one Flink MiniCluster, the api-server with the UI and the rule store, and the simulator — started in order and
 * stopped in reverse.
 */
public final class Demo {

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

    private final Path home;
    private final DemoOptions options;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;

    public Demo(Path home, DemoOptions options) {
        this.home = home;
        this.options = options;
    }

    /** Runs until Ctrl-C (or, with --smoke, until the check passes or fails); returns the exit code. */
    public int run() throws Exception {
        long t0 = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "nightwatch-stop"));
        try {
            Parts parts = startAll();
            System.out.printf("Nightwatch is ready (%.0f s). Ctrl-C stops everything; data stays in %s%n",
                    (System.nanoTime() - t0) / 1e9, options.var().toAbsolutePath());
            if (options.scenario() != null) {
                return scenario(parts);
            }
            if (options.smoke()) {
                return smoke(parts);
            }
            stopped.await();
            return 0;
        } catch (Exception e) {
            System.out.println("Nightwatch could not start: " + e.getMessage());
            LOG.error("start failed", e);
            stop();
            return 1;
        }
    }

    private record Parts(String apiUrl, String jdbcUrl, DemoTokens.Pair tokens, Fleet fleet, ScenarioContext context) {}

    private Parts startAll() throws Exception {
        VarDir var = new VarDir(options.var());
        int kafkaPort = Ports.resolve(options.kafkaPort());
        int controllerPort = Ports.resolve(options.kafkaPort() == 0 ? 0 : options.kafkaPort() + 1);
        int apiPort = Ports.resolve(options.apiPort());
        int flinkPort = Ports.resolve(options.flinkPort());
        int pgPort = Ports.resolve(options.pgPort());
        int releasePort = Ports.resolve(options.releasePort());
        Ports.requireFree(kafkaPort, "Kafka", "--kafka-port");
        Ports.requireFree(apiPort, "api-server", "--api-port");
        Ports.requireFree(flinkPort, "Flink web UI", "--flink-port");
        Ports.requireFree(releasePort, "release system", "--release-port");
        if (options.pgUrl() == null) {
            Ports.requireFree(pgPort, "embedded PostgreSQL", "--pg-port");
        }

        step("Kafka broker (KRaft)");
        LocalKafka kafka = keep(LocalKafka.start(home, var, kafkaPort, controllerPort));
        kafka.createTopics(2);
        done("Kafka            " + kafka.bootstrapServers() + "  (log: " + var.logs().resolve("kafka.log") + ")");

        step(options.pgUrl() == null ? "embedded PostgreSQL" : "PostgreSQL");
        LocalPostgres pg = keep(LocalPostgres.start(options.pgUrl(), var, pgPort));
        done("PostgreSQL       " + pg.jdbcUrl() + (pg.isEmbedded() ? "  (embedded, data: " + var.postgres() + ")" : ""));

        step("analyzer");
        int analyzerPort = Ports.resolve(options.analyzerPort());
        Ports.requireFree(analyzerPort, "analyzer", "--analyzer-port");
        LocalAnalyzer analyzer = keep(LocalAnalyzer.start(var, analyzerPort, options.analyzerProvider(),
                options.analyzerBaseUrl(), options.analyzerModel(), pg.jdbcUrl()));
        done("Analyzer         " + analyzer.url() + "/v1/analyze  (provider " + analyzer.provider() + "; token in "
                + analyzer.tokenFile() + ")");

        step("Flink MiniCluster and the metrics job");
        LocalFlink flink = keep(LocalFlink.start(var, flinkPort, 8));
        flink.submit(MetricsJob.NAME, List.of(
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--jdbc-url", pg.jdbcUrl(),
                "--metrics-topic", Topics.METRICS,
                "--checkpoint-interval", "10s"));
        flink.submit(CanaryJob.NAME, List.of(
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--jdbc-url", pg.jdbcUrl(),
                "--checkpoint-interval", "5s",
                "--analysis-delay", "10s"));
        flink.submit(io.nightwatch.jobs.incidents.IncidentsJob.NAME, List.of(
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--jdbc-url", pg.jdbcUrl(),
                "--config", io.nightwatch.jobs.incidents.DemoIncidentsConfig.write(var.file("incidents.yml")).toString(),
                "--checkpoint-interval", "5s",
                "--analyzer-url", analyzer.url(),
                "--analyzer-token-file", analyzer.tokenFile().toString(),
                "--analyzer-timeout", "45s"));
        done("Flink web UI     http://localhost:" + flink.restPort()
                + "  (jobs: nightwatch-metrics, nightwatch-canary, nightwatch-incidents with the analyzer)");

        step("api-server and UI");
        HikariDataSource ds = keep(ApiServerMain.dataSource(new ApiConfig("localhost", apiPort, pg.jdbcUrl(), null, null)));
        String releaseSystemUrl = "http://127.0.0.1:" + releasePort;
        io.nightwatch.api.alerts.KafkaPublisher publisher = keep(new io.nightwatch.api.alerts.KafkaPublisher(
                kafka.bootstrapServers(), io.nightwatch.api.alerts.IntakeTopics.DEFAULTS, Duration.ofSeconds(10)));
        ApiServer.Components components = ApiServer.Components.of(ds)
                .withReleaseSystem(new SimulatorReleaseSystem(releaseSystemUrl, null, Duration.ofSeconds(10)))
                .withPublisher(publisher);
        Javalin api = ApiServer.create(components).start("0.0.0.0", apiPort);
        keep(api::stop);
        keep(ApiServerMain.startRuleStore(components, kafka.bootstrapServers()));
        DemoTokens.Pair tokens = DemoTokens.ensure(components.tokens(), var);
        String apiUrl = "http://localhost:" + apiPort;
        done("UI and API       " + apiUrl + "  (metrics: " + apiUrl + "/metrics; Prometheus alerts: " + apiUrl
                + "/api/v2/alerts)");

        step("simulator");
        Fleet fleet = Fleet.demo();
        Simulator simulator = new Simulator(new Simulator.Config(kafka.bootstrapServers(), Topics.METRICS,
                options.interval(), options.backfill(), var.file("simulator.tick")), fleet);
        keep(simulator);
        simulator.start();
        done("Simulator        " + fleet.services().size() + " services, " + fleet.instances().size()
                + " instances, a point per metric every " + options.interval().toSeconds() + " s -> " + Topics.METRICS);
        io.nightwatch.simulator.exposition.PrometheusExposition exposition = keep(
                io.nightwatch.simulator.exposition.PrometheusExposition.start(fleet, "127.0.0.1", 0));
        done("Exposition       http://" + exposition.target() + "/metrics  (the fleet for a real Prometheus to scrape)");
        ReleaseSystem releases = keep(new ReleaseSystem(ReleaseSystem.Config.of(kafka.bootstrapServers(), "127.0.0.1",
                releasePort), fleet, Clock.systemUTC()).start());
        done("Release system   " + releaseSystemUrl + "/releases  (releases of the simulated fleet -> "
                + Topics.RELEASES + "; obeys " + Topics.COMMANDS_HEALING + ")");

        System.out.println("  viewer token     " + tokens.viewer());
        System.out.println("  operator token   " + tokens.operator());
        System.out.println("  (new tokens: bin/nightwatch token create --role viewer|operator|admin --name NAME)");
        ScenarioContext context = new ScenarioContext(kafka.bootstrapServers(), pg.jdbcUrl(), apiUrl, tokens.viewer(),
                tokens.operator(), simulator, flink, options.smokeTimeout(), releaseSystemUrl, analyzer);
        return new Parts(apiUrl, pg.jdbcUrl(), tokens, fleet, context);
    }

    private int smoke(Parts parts) throws InterruptedException {
        try {
            SmokeCheck.Passed passed = new SmokeCheck(parts.apiUrl(), parts.tokens().viewer(), parts.jdbcUrl())
                    .await(parts.fleet().services(), options.smokeTimeout());
            System.out.println("SMOKE OK services=" + passed.services() + " rollups=" + passed.rollups());
            stop();
            return 0;
        } catch (IllegalStateException e) {
            System.out.println("SMOKE FAILED " + e.getMessage());
            stop();
            return 1;
        }
    }

    /** Plays the chosen scenario; with --smoke reports and exits, otherwise keeps the demo running. */
    private int scenario(Parts parts) throws InterruptedException {
        Scenario scenario = Scenarios.byName(options.scenario()).orElseThrow();
        System.out.println("Playing scenario " + scenario.name() + ": " + scenario.description());
        long t0 = System.nanoTime();
        try {
            String figures = scenario.run(parts.context());
            long seconds = Math.round((System.nanoTime() - t0) / 1e9);
            System.out.println("SCENARIO " + scenario.name() + " OK " + seconds + "s"
                    + (figures == null || figures.isBlank() ? "" : " " + figures));
        } catch (ScenarioFailed e) {
            System.out.println("SCENARIO " + scenario.name() + " FAILED " + e.getMessage());
            stop();
            return 1;
        } catch (Exception e) {
            System.out.println("SCENARIO " + scenario.name() + " FAILED " + e);
            LOG.error("scenario {} failed", scenario.name(), e);
            stop();
            return 1;
        }
        if (options.smoke()) {
            stop();
            return 0;
        }
        stopped.await();
        return 0;
    }

    private <T extends AutoCloseable> T keep(T part) {
        started.push(part);
        return part;
    }

    private static void step(String what) {
        System.out.println("Starting " + what + " ...");
    }

    private static void done(String line) {
        System.out.println("  " + line);
    }

    /** Stops every started part in reverse order; safe to call twice. */
    public synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        System.out.println("Stopping Nightwatch ...");
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("could not stop {}", part, e);
            }
        }
        System.out.println("Nightwatch stopped.");
        stopped.countDown();
    }
}
