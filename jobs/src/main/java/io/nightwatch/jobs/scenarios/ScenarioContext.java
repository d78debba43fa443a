package io.nightwatch.jobs.scenarios;

import io.nightwatch.jobs.local.LocalAnalyzer;
import io.nightwatch.jobs.local.LocalFlink;
import io.nightwatch.simulator.Simulator;
import java.time.Duration;

/**
 * What a scenario can reach in a running demo ({@code releaseSystemUrl}: the simulator's release system API;
 * {@code analyzer}: the analyzer service, which a scenario may stop and restart).
 */
public record ScenarioContext(
        String kafkaBootstrap,
        String jdbcUrl,
        String apiUrl,
        String viewerToken,
        String operatorToken,
        Simulator simulator,
        LocalFlink flink,
        Duration timeout,
        String releaseSystemUrl,
        LocalAnalyzer analyzer) {}
