package io.nightwatch.analyzer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.nightwatch.analyzer.agent.AgentAnalyzer;
import io.nightwatch.analyzer.providers.ChatModels;
import io.nightwatch.analyzer.providers.ProviderKind;
import io.nightwatch.analyzer.tools.IncidentEmbeddings;
import io.nightwatch.analyzer.tools.Toolbox;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the analyzer service: {@code AnalyzerMain [--port 8090] [--provider builtin|openai|ollama] [--jdbc-url URL] ...}. */
public final class AnalyzerMain {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyzerMain.class);

    private AnalyzerMain() {}

    public static void main(String[] args) {
        AnalyzerOptions options;
        try {
            options = AnalyzerOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("analyzer: " + e.getMessage());
            System.err.print(AnalyzerOptions.USAGE);
            System.exit(2);
            return;
        }
        Running running = start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "analyzer-shutdown"));
        System.out.println("analyzer listening on http://" + options.host() + ":" + running.port()
                + " (provider " + running.analyzer().provider() + ", tools " + (running.dataSource() == null ? "off" : "on") + ")");
    }

    /** A started analyzer: its HTTP app, the analyzer behind it and its database pool (null without --jdbc-url). */
    public record Running(Javalin app, Analyzer analyzer, HikariDataSource dataSource) implements AutoCloseable {

        public int port() {
            return app.port();
        }

        @Override
        public void close() {
            app.stop();
            analyzer.close();
            if (dataSource != null) {
                dataSource.close();
            }
        }
    }

    /** Starts the analyzer described by the options. */
    public static Running start(AnalyzerOptions options) {
        HikariDataSource db = options.jdbcUrl() == null ? null : dataSource(options);
        Analyzer analyzer = analyzer(options, db, Clock.systemUTC());
        Javalin app = AnalyzerServer.create(analyzer, new BearerAuth(options.token())).start(options.host(), options.port());
        LOG.info("analyzer started: {}", options);
        return new Running(app, analyzer, db);
    }

    /** The analyzer for the options' provider; LLM providers get the drill-down tools when a database is given. */
    public static Analyzer analyzer(AnalyzerOptions options, DataSource db, Clock clock) {
        if (options.provider().kind() == ProviderKind.BUILTIN) {
            return new BuiltinProvider(clock);
        }
        Toolbox tools = db == null ? Toolbox.none() : Toolbox.standard(db, IncidentEmbeddings.allMiniLm(),
                options.similarCandidates(), options.budgets().toolOutputChars());
        if (db == null) {
            LOG.warn("no --jdbc-url: the model gets no drill-down tools and decides from the incident alone");
        }
        return new AgentAnalyzer(ChatModels.create(options.provider()), options.provider().providerName(), tools,
                options.budgets(), options.concurrency(), clock);
    }

    /** A read-only pool whose queries stop after 5 s. */
    static HikariDataSource dataSource(AnalyzerOptions options) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(options.jdbcUrl());
        hc.setUsername(options.jdbcUser());
        hc.setPassword(options.jdbcPassword());
        hc.setReadOnly(true);
        hc.setConnectionInitSql("SET statement_timeout = 5000");
        hc.setMaximumPoolSize(options.concurrency() + 1);
        hc.setInitializationFailTimeout(-1); // start even when PostgreSQL is down: the tools report the error
        hc.setPoolName("nightwatch-analyzer");
        return new HikariDataSource(hc);
    }
}
