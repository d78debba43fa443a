package io.nightwatch.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsJobConfigTest {

    private static final String[] REQUIRED = {"--bootstrap-servers", "localhost:9092", "--jdbc-url", "jdbc:postgresql://db/nw"};

    private static String[] with(String... extra) {
        String[] all = new String[REQUIRED.length + extra.length];
        System.arraycopy(REQUIRED, 0, all, 0, REQUIRED.length);
        System.arraycopy(extra, 0, all, REQUIRED.length, extra.length);
        return all;
    }

    @Test
    void defaultsApplyWhenOnlyTheRequiredOptionsAreGiven() {
        MetricsJobConfig c = MetricsJobConfig.fromArgs(JobArgs.of(REQUIRED));
        assertThat(c.metricsTopic()).isEqualTo("nw.metrics");
        assertThat(c.deadLetterTopic()).isEqualTo("nw.deadletter");
        assertThat(c.outOfOrderness()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.kafka().exactlyOnce()).isTrue();
        assertThat(c.kafka().bounded()).isFalse();
        assertThat(c.limits().maxLabels()).isEqualTo(32);
    }

    @Test
    void optionsOverrideTheDefaults() {
        MetricsJobConfig c = MetricsJobConfig.fromArgs(JobArgs.of(with(
                "--out-of-orderness", "2s", "--max-labels", "8", "--bounded", "true", "--max-future", "1min")));
        assertThat(c.outOfOrderness()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.limits().maxLabels()).isEqualTo(8);
        assertThat(c.limits().maxFutureMillis()).isEqualTo(60_000);
        assertThat(c.kafka().bounded()).isTrue();
    }

    @Test
    void missingRequiredOptionIsNamed() {
        assertThatThrownBy(() -> MetricsJobConfig.fromArgs(JobArgs.of("--jdbc-url", "jdbc:postgresql://db/nw")))
                .isInstanceOf(ConfigException.class).hasMessage("missing required --bootstrap-servers");
    }

    @Test
    void typosAreRefusedNotIgnored() {
        assertThatThrownBy(() -> MetricsJobConfig.fromArgs(JobArgs.of(with("--out-of-ordernes", "2s"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("unknown option(s): --out-of-ordernes");
    }

    @Test
    void malformedValuesAreRefusedWithTheKey() {
        assertThatThrownBy(() -> MetricsJobConfig.fromArgs(JobArgs.of(with("--idleness", "soon"))))
                .hasMessageStartingWith("--idleness: not a duration");
        assertThatThrownBy(() -> MetricsJobConfig.fromArgs(JobArgs.of(with("--max-labels", "-1"))))
                .hasMessage("--max-labels: -1 is outside [0, 1024]");
        assertThatThrownBy(() -> MetricsJobConfig.fromArgs(JobArgs.of(with("--bounded", "maybe"))))
                .hasMessage("--bounded: expected true or false, got maybe");
        assertThatThrownBy(() -> MetricsJobConfig.fromArgs(JobArgs.of("--bootstrap-servers", "k:9092", "--jdbc-url", "mysql://x")))
                .hasMessageContaining("expected a jdbc:postgresql: URL");
    }
}
