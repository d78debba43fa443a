package io.nightwatch.jobs.incidents.parity;

import javax.sql.DataSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Where the Nightwatch side of the parity run lives: a Kafka broker, PostgreSQL, and Flink environments. */
public interface BenchInfrastructure {

    String bootstrapServers();

    String jdbcUrl();

    /** The same database as {@link #jdbcUrl()} (api-server tokens). */
    DataSource dataSource();

    /** A fresh environment for one job run (a MiniCluster). */
    StreamExecutionEnvironment environment();
}
