package io.nightwatch.jobs.cli;

import io.nightwatch.api.auth.IssuedToken;
import io.nightwatch.api.auth.Role;
import io.nightwatch.api.auth.TokenRepository;
import io.nightwatch.api.auth.TokenService;
import io.nightwatch.jobs.config.ConfigException;
import io.nightwatch.jobs.config.JobArgs;
import io.nightwatch.jobs.local.LocalPostgres;
import io.nightwatch.jobs.local.Ports;
import io.nightwatch.jobs.local.VarDir;
import io.nightwatch.schemas.db.Migrations;
import java.nio.file.Path;
import java.util.Arrays;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code nightwatch token create --role ROLE --name NAME}: issues a bearer token (printed once; only its hash is
 * stored). Uses {@code --pg-url}/NW_PG_URL, else the demo's embedded PostgreSQL (started briefly if not running).
 */
final class TokenCommand {

    static final String USAGE = """
            nightwatch token create --role viewer|operator|admin --name NAME [--pg-url JDBC_URL] [--var DIR] [--pg-port 54329]
              Prints the new token once. Creating a token with an existing name rotates it.
            """;

    private TokenCommand() {}

    static int run(Path home, String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("create")) {
            throw new ConfigException("expected 'token create', got 'token " + String.join(" ", args) + "'");
        }
        JobArgs a = JobArgs.of(Arrays.copyOfRange(args, 1, args.length));
        Role role = Role.parse(a.required("role"));
        String name = a.required("name");
        String pgUrl = a.optional("pg-url", System.getenv("NW_PG_URL"));
        Path var = Path.of(a.optional("var", "var"));
        int pgPort = a.integer("pg-port", 54329, 1, 65535);
        a.rejectUnknown();

        LocalPostgres started = null;
        try {
            String url = pgUrl;
            if (url == null && Ports.inUse(pgPort)) {
                url = "jdbc:postgresql://localhost:" + pgPort + "/nightwatch?user=postgres";
                Migrations.migrate(url, null, null);
            } else if (url == null) {
                started = LocalPostgres.start(null, new VarDir(var), pgPort);
                url = started.jdbcUrl();
            } else {
                Migrations.migrate(url, null, null);
            }
            IssuedToken token = new TokenService(new TokenRepository(Jdbi.create(url))).create(name, role);
            System.out.println(token.token());
            System.err.println("token '" + token.name() + "' (" + token.role().label() + ") created; it is shown only once");
            return 0;
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }
}
