package io.nightwatch.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.testing.TestPostgres;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The token cache on real PostgreSQL: an active token is remembered for the cache's time to live (a revocation by
 * another process takes effect within it), a revocation or rotation through this service takes effect at once, and
 * an unknown token is never remembered (a token created elsewhere works at once).
 */
class TokenServiceTest {

    private static TestPostgres db;
    private static TokenRepository repository;

    @BeforeAll
    static void start() {
        db = TestPostgres.create("tokens");
        repository = new TokenRepository(Jdbi.create(db.dataSource()));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private final AtomicLong nanos = new AtomicLong();
    private final TokenService here = new TokenService(repository, Duration.ofSeconds(10), nanos::get);
    private final TokenService elsewhere = new TokenService(repository); // the CLI or another api-server

    @Test
    void aTokenRevokedByAnotherProcessStopsWorkingWhenTheCacheEntryExpires() {
        String token = here.create("cached-bot", Role.OPERATOR).token();
        assertThat(here.authenticate(token)).map(Caller::role).contains(Role.OPERATOR);

        assertThat(elsewhere.revoke("cached-bot")).isTrue();
        assertThat(elsewhere.authenticate(token)).isEmpty();
        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(here.authenticate(token)).as("remembered for 10 s").isPresent();
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(here.authenticate(token)).as("asked again after 10 s").isEmpty();
    }

    @Test
    void revokingOrRotatingThroughThisServiceTakesEffectAtOnce() {
        String first = here.create("rotating-bot", Role.VIEWER).token();
        assertThat(here.authenticate(first)).isPresent();
        String second = here.create("rotating-bot", Role.VIEWER).token();
        assertThat(here.authenticate(first)).as("rotated").isEmpty();
        assertThat(here.authenticate(second)).isPresent();
        assertThat(here.revoke("rotating-bot")).isTrue();
        assertThat(here.authenticate(second)).as("revoked").isEmpty();
        assertThat(here.revoke("rotating-bot")).as("nothing left to revoke").isFalse();
    }

    @Test
    void anUnknownTokenIsNeverRememberedSoATokenCreatedElsewhereWorksAtOnce() {
        String token = "nw_" + "x".repeat(43);
        assertThat(here.authenticate(token)).isEmpty();
        repository.upsert("late-bot", Role.ADMIN, TokenService.hash(token));
        assertThat(here.authenticate(token)).map(Caller::role).contains(Role.ADMIN);
    }
}
