package io.nightwatch.jobs.incidents.parity;

import com.zaxxer.hikari.HikariDataSource;
import io.nightwatch.jobs.config.ConfigException;
import io.nightwatch.jobs.config.JobArgs;
import io.nightwatch.jobs.local.LocalKafka;
import io.nightwatch.jobs.local.LocalPostgres;
import io.nightwatch.jobs.local.Ports;
import io.nightwatch.jobs.local.VarDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code nightwatch bench alerts}: starts a Kafka broker (child JVM) and PostgreSQL (embedded unless
 * {@code --pg-url}), runs {@link AlertsBench} (the real Alertmanager beside the incidents job) and prints as its last
 * line {@code bench alerts: nightwatch=<alerts/s> alertmanager=<alerts/s> ratio=<x> group_agreement=<percent>}.
 */
public final class AlertsBenchCommand {

    public static final String USAGE = """
            nightwatch bench alerts [--alerts 100000] [--groups 12000] [--group-wait 45s] [--group-interval 60s]
                                    [--batch 64] [--via http,kafka] [--parallelism 2] [--seed 42] [--margin 5s]
                                    [--inhibition bounded|canonical] [--pg-url JDBC_URL] [--keep-data false]
              Runs the same generated alert stream through the real Alertmanager (Debian's prometheus-alertmanager) and
              through Nightwatch (via its HTTP intake, and from Kafka straight into the incidents job) with the same
              routes, waits, silences and inhibition; compares the notification groups; prints
              `bench alerts: nightwatch=… alertmanager=… ratio=… group_agreement=…` (nightwatch = the Kafka path).
              --inhibition canonical adds Alertmanager's documentation example (severity="critical" inhibits
              warning|info of the same alertname, cluster, service), whose source side matches every critical alert.
              The broker's and PostgreSQL's data go to a temporary directory, deleted at the end unless --keep-data true.
            """;

    private AlertsBenchCommand() {}

    public static int run(Path home, JobArgs args) throws Exception {
        int alerts = args.integer("alerts", 100_000, 100, 10_000_000);
        int groups = args.integer("groups", Math.max(50, Math.min(12_000, alerts / 8)), 10, 1_000_000);
        Duration groupWait = args.duration("group-wait", Duration.ofSeconds(45));
        Duration groupInterval = args.duration("group-interval", Duration.ofSeconds(60));
        int batch = args.integer("batch", 64, 1, 10_000); // Prometheus sends at most 64 alerts per request
        Set<String> via = Set.of(args.optional("via", "http,kafka").split(","));
        int parallelism = args.integer("parallelism", 2, 1, 64);
        long seed = Long.parseLong(args.optional("seed", "42"));
        Duration margin = args.duration("margin", Duration.ofSeconds(5));
        String pgUrl = args.optional("pg-url", null);
        String inhibitionName = args.optional("inhibition", "bounded");
        boolean keepData = Boolean.parseBoolean(args.optional("keep-data", "false"));
        args.rejectUnknown();
        AlertStreamGenerator.Inhibition inhibition = switch (inhibitionName) {
            case "bounded" -> AlertStreamGenerator.Inhibition.BOUNDED;
            case "canonical" -> AlertStreamGenerator.Inhibition.CANONICAL;
            default -> throw new ConfigException("--inhibition: expected bounded or canonical, got '" + inhibitionName + "'");
        };
        for (String v : via) {
            if (!v.equals("http") && !v.equals("kafka")) {
                throw new ConfigException("--via: expected http, kafka or both (http,kafka), got '" + v + "'");
            }
        }
        if (!Files.isExecutable(Path.of(AlertmanagerProcess.BINARY))) {
            System.err.println("nightwatch bench alerts: Alertmanager not found at " + AlertmanagerProcess.BINARY
                    + " (apt-get install -y prometheus-alertmanager, or set NW_ALERTMANAGER_BIN)");
            return 1;
        }
        Path dir = Files.createTempDirectory("nw-bench-alerts");
        VarDir var = new VarDir(dir);
        System.out.printf("bench alerts: alerts=%d groups=%d group_wait=%s group_interval=%s batch=%d via=%s parallelism=%d "
                + "(data in %s%s)%n", alerts, groups, groupWait, groupInterval, batch, via, parallelism, dir,
                keepData ? ", kept" : ", deleted at the end");
        try {
            return run(home, dir, var, alerts, groups, seed, groupWait, groupInterval, batch, via, parallelism, margin,
                    inhibition, pgUrl);
        } finally {
            if (!keepData) {
                delete(dir);
            }
        }
    }

    private static int run(Path home, Path dir, VarDir var, int alerts, int groups, long seed, Duration groupWait,
            Duration groupInterval, int batch, Set<String> via, int parallelism, Duration margin,
            AlertStreamGenerator.Inhibition inhibition, String pgUrl) throws Exception {
        try (LocalKafka kafka = LocalKafka.start(home, var, Ports.resolve(0), Ports.resolve(0));
                LocalPostgres pg = LocalPostgres.start(pgUrl, var, Ports.resolve(0));
                HikariDataSource pool = pool(pg.jdbcUrl())) {
            BenchInfrastructure infra = new BenchInfrastructure() {
                @Override
                public String bootstrapServers() {
                    return kafka.bootstrapServers();
                }

                @Override
                public String jdbcUrl() {
                    return pg.jdbcUrl();
                }

                @Override
                public DataSource dataSource() {
                    return pool;
                }

                @Override
                public StreamExecutionEnvironment environment() {
                    Configuration conf = new Configuration();
                    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(64));
                    return StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
                }
            };
            AlertsBench.Result r = new AlertsBench(new AlertsBench.Settings(alerts, groups, seed, groupWait, groupInterval,
                    batch, via.contains("http"), via.contains("kafka"), parallelism, margin, inhibition), infra, System.out).run();
            System.out.println(r.nightwatchKafka() != null
                    ? "the ratio uses Nightwatch's Kafka path (alerts already on nw.alerts, read by the incidents job)"
                    : "the ratio uses Nightwatch's HTTP intake (the Kafka path did not run)");
            System.out.println(r.lastLine());
            return r.agreement() == 100.0 ? 0 : 1;
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("bench alerts: could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setMaximumPoolSize(8);
        ds.setPoolName("bench-api");
        return ds;
    }
}
