package io.nightwatch.simulator.release;

import io.javalin.Javalin;
import io.nightwatch.simulator.fleet.Fleet;
import java.time.Clock;
import java.time.Duration;

/**
 * The simulated release system as one unit: the engine over a fleet, its Kafka loop (commands and verdicts in;
 * release events, command results and fault alerts out, transactionally) and its HTTP API.
 */
public final class ReleaseSystem implements AutoCloseable {

    /**
     * How the release system is set up.
     *
     * @param port 0 picks a free port
     * @param token null: the API needs no token
     */
    public record Config(String bootstrapServers, String host, int port, String token, ReleaseKafkaLoop.Topics topics,
            String groupId, String transactionalId, Duration verdictTimeout) {

        /** Default topics, group and transactional id, a 2-minute verdict timeout, no token. */
        public static Config of(String bootstrapServers, String host, int port) {
            return new Config(bootstrapServers, host, port, null, ReleaseKafkaLoop.Topics.defaults(),
                    "nightwatch-release-system", "nightwatch-release-system", Duration.ofMinutes(2));
        }

        public Config withVerdictTimeout(Duration value) {
            return new Config(bootstrapServers, host, port, token, topics, groupId, transactionalId, value);
        }

        public Config withTopics(ReleaseKafkaLoop.Topics value) {
            return new Config(bootstrapServers, host, port, token, value, groupId, transactionalId, verdictTimeout);
        }

        public Config withToken(String value) {
            return new Config(bootstrapServers, host, port, value, topics, groupId, transactionalId, verdictTimeout);
        }

        public Config withGroup(String group, String transactional) {
            return new Config(bootstrapServers, host, port, token, topics, group, transactional, verdictTimeout);
        }
    }

    private final Config config;
    private final ReleaseKafkaLoop loop;
    private final ReleaseEngine engine;
    private Javalin api;

    public ReleaseSystem(Config config, Fleet fleet, Clock clock) {
        this.config = config;
        this.loop = new ReleaseKafkaLoop(config.bootstrapServers(), config.groupId(), config.transactionalId(),
                config.topics());
        this.engine = new ReleaseEngine(fleet, clock, loop.outbox(),
                new ReleaseEngine.Settings(config.verdictTimeout(), 10_000));
    }

    /** Starts the Kafka loop (waits for its partitions) and the HTTP API. */
    public ReleaseSystem start() throws InterruptedException {
        loop.start(engine);
        api = ReleaseApi.create(engine, config.token()).start(config.host(), config.port());
        return this;
    }

    public ReleaseEngine engine() {
        return engine;
    }

    /** Records on the command and verdict topics that could not be read (logged and skipped). */
    public long refusedRecords() {
        return loop.refused();
    }

    /** The port the API listens on. */
    public int port() {
        return api.port();
    }

    /** The API's base URL on the loopback interface. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        if (api != null) {
            api.stop();
        }
        loop.close();
    }
}
