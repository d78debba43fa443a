package io.nightwatch.jobs.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.nightwatch.jobs.incidents.parity.AlertStreamGenerator;
import io.nightwatch.jobs.incidents.parity.AlertsBench;
import io.nightwatch.jobs.incidents.parity.BenchInfrastructure;
import io.nightwatch.schemas.testing.TestKafka;
import io.nightwatch.schemas.testing.TestPostgres;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Parity with the real Alertmanager (Debian's prometheus-alertmanager 0.25, on loopback): the same generated stream
 * (repeats, resolves, new groups, two routes with their own group_by, a continue route, three silences, three
 * inhibition rules — within a group, across groups, and one whose source side is every critical alert) through
 * Alertmanager and through Nightwatch, both via its HTTP intake and from Kafka straight into the job; every group's
 * notifications must agree.
 */
class AlertmanagerParityIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static TestKafka kafka;
    private static TestPostgres db;
    private static HikariDataSource pool;

    @BeforeAll
    static void start() {
        kafka = TestKafka.start();
        db = TestPostgres.create("parity");
        pool = new HikariDataSource();
        pool.setJdbcUrl(db.jdbcUrl());
        pool.setMaximumPoolSize(8);
    }

    @AfterAll
    static void stop() {
        pool.close();
        db.close();
        kafka.close();
    }

    @Test
    void nightwatchSendsTheSameNotificationGroupsAsAlertmanager() throws Exception {
        BenchInfrastructure infra = new BenchInfrastructure() {
            @Override
            public String bootstrapServers() {
                return kafka.bootstrapServers();
            }

            @Override
            public String jdbcUrl() {
                return db.jdbcUrl();
            }

            @Override
            public DataSource dataSource() {
                return pool; // pooled, as the api-server runs
            }

            @Override
            public StreamExecutionEnvironment environment() {
                return StreamExecutionEnvironment.getExecutionEnvironment();
            }
        };
        AlertsBench.Settings settings = new AlertsBench.Settings(6000, 600, 42, Duration.ofSeconds(4), Duration.ofSeconds(10),
                50, true, true, 2, Duration.ofSeconds(2), AlertStreamGenerator.Inhibition.CANONICAL);
        AlertsBench.Result r = new AlertsBench(settings, infra, System.out).run();

        assertThat(r.alertmanager().notifications()).hasSizeGreaterThan(r.plan().distinctGroups());
        assertThat(r.httpAgreement().differences()).isEmpty();
        assertThat(r.kafkaAgreement().differences()).isEmpty();
        assertThat(r.httpAgreement().percent()).isEqualTo(100.0);
        assertThat(r.kafkaAgreement().percent()).isEqualTo(100.0);
        assertThat(r.kafkaAgreement().rightNotifications()).isEqualTo(r.alertmanager().notifications().size());
    }
}
