package io.nightwatch.jobs.local;

import io.nightwatch.api.auth.IssuedToken;
import io.nightwatch.api.auth.Role;
import io.nightwatch.api.auth.TokenService;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * The demo's viewer and operator tokens: reused from {@code var/demo-tokens.properties} (mode 600) while they
 * are still valid, otherwise issued anew (only their hashes go to PostgreSQL).
 */
public final class DemoTokens {

    /** The two tokens the demo prints. */
    public record Pair(String viewer, String operator) {}

    private DemoTokens() {}

    public static Pair ensure(TokenService tokens, VarDir var) throws IOException {
        Path file = var.file("demo-tokens.properties");
        Properties saved = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                saved.load(r);
            }
        }
        String viewer = reuseOrIssue(tokens, saved, "demo-viewer", Role.VIEWER);
        String operator = reuseOrIssue(tokens, saved, "demo-operator", Role.OPERATOR);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer w = Files.newBufferedWriter(file)) {
            saved.store(w, "Nightwatch demo tokens (bearer tokens for the API and the UI)");
        }
        return new Pair(viewer, operator);
    }

    private static String reuseOrIssue(TokenService tokens, Properties saved, String name, Role role) {
        String token = saved.getProperty(name);
        if (!tokens.isActive(token)) {
            IssuedToken issued = tokens.create(name, role);
            token = issued.token();
            saved.setProperty(name, token);
        }
        return token;
    }
}
