package io.nightwatch.jobs.local;

import io.nightwatch.jobs.config.ConfigException;
import io.nightwatch.jobs.config.JobArgs;
import io.nightwatch.jobs.scenarios.Scenarios;
import java.nio.file.Path;
import java.time.Duration;

/** Options of {@code nightwatch demo}. Port 0 picks a free port. */
public record DemoOptions(
        Path var,
        String pgUrl,
        int apiPort,
        int flinkPort,
        int kafkaPort,
        int pgPort,
        Duration backfill,
        Duration interval,
        boolean smoke,
        Duration smokeTimeout,
        String scenario,
        int releasePort,
        int analyzerPort,
        String analyzerProvider,
        String analyzerBaseUrl,
        String analyzerModel) {

    public static final String USAGE = """
            nightwatch demo [--smoke] [--var DIR] [--pg-url JDBC_URL] [--api-port 8080] [--flink-port 8081]
                            [--kafka-port 9092] [--pg-port 54329] [--backfill 30min] [--interval 5s] [--smoke-timeout 8min]
                            [--scenario NAME] [--release-port 8090] [--analyzer-port 8091]
                            [--analyzer-provider builtin|openai|ollama] [--analyzer-base-url URL] [--analyzer-model NAME]
              Runs Kafka (KRaft), PostgreSQL (embedded unless --pg-url or NW_PG_URL), the metrics job on a Flink
              MiniCluster, the api-server with the UI and the simulator. Ctrl-C stops everything; data stays in --var.
              The simulator's release system (what the API drives releases through) listens on --release-port.
              The analyzer service (builtin rules unless --analyzer-provider openai|ollama with --analyzer-base-url
              and --analyzer-model; key from NW_ANALYZER_API_KEY) listens on 127.0.0.1:--analyzer-port.
              --smoke waits until the API serves rollups for every simulated service, prints SMOKE OK, and exits.
              --scenario NAME plays a scenario (see bin/nightwatch help); with --smoke it prints
                SCENARIO NAME OK <seconds>s (or FAILED and the reason) and exits.
            """;

    /** Parses the options; refuses unknown ones. */
    public static DemoOptions parse(JobArgs args) {
        DemoOptions o = new DemoOptions(
                Path.of(args.optional("var", "var")),
                args.optional("pg-url", System.getenv("NW_PG_URL")),
                args.integer("api-port", 8080, 0, 65535),
                args.integer("flink-port", 8081, 0, 65535),
                args.integer("kafka-port", 9092, 0, 65535),
                args.integer("pg-port", 54329, 0, 65535),
                args.duration("backfill", Duration.ofMinutes(30)),
                args.duration("interval", Duration.ofSeconds(5)),
                args.flag("smoke", false),
                args.duration("smoke-timeout", Duration.ofMinutes(8)),
                args.optional("scenario", null),
                args.integer("release-port", 8090, 0, 65535),
                args.integer("analyzer-port", 8091, 0, 65535),
                args.optional("analyzer-provider", "builtin"),
                args.optional("analyzer-base-url", null),
                args.optional("analyzer-model", null));
        if (!java.util.List.of("builtin", "openai", "ollama").contains(o.analyzerProvider())) {
            throw new ConfigException("--analyzer-provider: builtin, openai or ollama, got '" + o.analyzerProvider() + "'");
        }
        if (!o.analyzerProvider().equals("builtin") && o.analyzerModel() == null) {
            throw new ConfigException("--analyzer-model is required with --analyzer-provider " + o.analyzerProvider());
        }
        if (o.scenario() != null && Scenarios.byName(o.scenario()).isEmpty()) {
            throw new ConfigException("unknown scenario '" + o.scenario() + "'; known: " + Scenarios.names());
        }
        args.rejectUnknown();
        return o;
    }
}
