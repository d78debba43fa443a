package io.nightwatch.jobs.incidents;

import com.zaxxer.hikari.HikariDataSource;
import io.nightwatch.jobs.incidents.parity.AlertStreamGenerator;
import io.nightwatch.jobs.incidents.parity.AlertsBench;
import io.nightwatch.jobs.incidents.parity.BenchInfrastructure;
import io.nightwatch.jobs.incidents.parity.ParityPlan;
import io.nightwatch.schemas.testing.TestKafka;
import io.nightwatch.schemas.testing.TestPostgres;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A profiling aid, not a test: runs only the Kafka path of {@code bench alerts} (no Alertmanager) on an in-JVM broker
 * and the test PostgreSQL, printing the job's figures; run its main with a profiler attached (JFR).
 */
public final class KafkaPathProfile {

    private KafkaPathProfile() {}

    public static void main(String[] args) throws Exception {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        try (TestKafka kafka = TestKafka.start(); TestPostgres db = TestPostgres.create("profile");
                HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(db.jdbcUrl());
            BenchInfrastructure infra = new BenchInfrastructure() {
                public String bootstrapServers() {
                    return kafka.bootstrapServers();
                }

                public String jdbcUrl() {
                    return db.jdbcUrl();
                }

                public DataSource dataSource() {
                    return pool;
                }

                public StreamExecutionEnvironment environment() {
                    return StreamExecutionEnvironment.createLocalEnvironment(parallelism, new Configuration());
                }
            };
            AlertsBench.Settings s = new AlertsBench.Settings(alerts, Math.min(12_000, alerts / 8), 42, Duration.ofSeconds(20),
                    Duration.ofSeconds(40), 50, false, true, parallelism, Duration.ofSeconds(5), AlertStreamGenerator.Inhibition.BOUNDED);
            ParityPlan plan = AlertStreamGenerator.generate(s.alerts(), s.groups(), s.seed(), s.groupWait(), s.groupInterval(), s.inhibition());
            for (int i = 0; i < runs; i++) {
                new AlertsBench(s, infra, System.out).nightwatchKafka(plan);
            }
        }
    }
}
