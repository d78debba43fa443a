package io.nightwatch.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.api.auth.Role;
import io.nightwatch.api.auth.TokenRepository;
import io.nightwatch.api.auth.TokenService;
import io.nightwatch.schemas.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** {@code nightwatch token create} against real PostgreSQL. */
class TokenCommandIT {

    @Test
    void createsATokenThatAuthenticatesWithItsRoleAndRefusesBadUsage() {
        try (TestPostgres db = TestPostgres.create("token_cli")) {
            Captured ok = capture("token", "create", "--role", "operator", "--name", "deploy-bot", "--pg-url", db.jdbcUrl());
            assertThat(ok.code).isZero();
            String token = ok.out.trim();
            assertThat(token).startsWith("nw_");
            TokenService tokens = new TokenService(new TokenRepository(Jdbi.create(db.dataSource())));
            assertThat(tokens.authenticate(token)).hasValueSatisfying(c -> {
                assertThat(c.name()).isEqualTo("deploy-bot");
                assertThat(c.role()).isEqualTo(Role.OPERATOR);
            });

            Captured badRole = capture("token", "create", "--role", "root", "--name", "x", "--pg-url", db.jdbcUrl());
            assertThat(badRole.code).isEqualTo(2);
            assertThat(badRole.err).contains("unknown role 'root'");
            Captured noName = capture("token", "create", "--role", "viewer", "--pg-url", db.jdbcUrl());
            assertThat(noName.code).isEqualTo(2);
            assertThat(noName.err).contains("missing required --name");
            Captured badName = capture("token", "create", "--role", "viewer", "--name", "has space", "--pg-url", db.jdbcUrl());
            assertThat(badName.code).isEqualTo(2);
            assertThat(badName.err).contains("token name must be");
        }
    }

    private record Captured(int code, String out, String err) {}

    private static Captured capture(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Nightwatch.run(args);
            return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
