package io.nightwatch.jobs.local;

import io.nightwatch.analyzer.AnalyzerMain;
import io.nightwatch.analyzer.AnalyzerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analyzer service inside the demo's JVM ({@code AnalyzerMain}, the same as {@code bin/nightwatch analyzer}): the
 * builtin rules by default, or an OpenAI-compatible / Ollama model. Its bearer token is made once and kept in
 * {@code var/analyzer.token} (the incidents job reads it from there). It can be stopped and started again on the same
 * port, which the {@code analyzer-down} scenario does.
 */
public final class LocalAnalyzer implements AutoCloseable {

    /** Where the analyzer's bearer token is kept. */
    public static final String TOKEN_FILE = "analyzer.token";

    private final AnalyzerOptions options;
    private final Path tokenFile;
    private AnalyzerMain.Running running;
    private int port;

    private LocalAnalyzer(AnalyzerOptions options, Path tokenFile) {
        this.options = options;
        this.tokenFile = tokenFile;
    }

    /**
     * Starts it on {@code port} (0: a free one) with the demo's provider ({@code builtin}, {@code openai},
     * {@code ollama}); an LLM gets the drill-down tools on {@code jdbcUrl}. Budgets nest inside the job's timeouts.
     */
    public static LocalAnalyzer start(VarDir var, int port, String provider, String baseUrl, String model, String jdbcUrl) {
        Path tokenFile = var.file(TOKEN_FILE);
        String token = token(tokenFile);
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(port),
                "--provider", provider, "--time-budget", "30s", "--model-timeout", "20s"));
        if (baseUrl != null) {
            args.addAll(List.of("--base-url", baseUrl));
        }
        if (model != null) {
            args.addAll(List.of("--model", model));
        }
        if (!"builtin".equals(provider) && jdbcUrl != null) {
            args.addAll(List.of("--jdbc-url", jdbcUrl));
        }
        Map<String, String> env = new HashMap<>();
        env.put(AnalyzerOptions.TOKEN_ENV, token);
        String key = System.getenv(AnalyzerOptions.API_KEY_ENV);
        if (key != null) {
            env.put(AnalyzerOptions.API_KEY_ENV, key);
        }
        String password = System.getenv("NW_PG_PASSWORD");
        if (password != null) {
            env.put("NW_PG_PASSWORD", password);
        }
        LocalAnalyzer analyzer = new LocalAnalyzer(AnalyzerOptions.parse(args.toArray(String[]::new), env), tokenFile);
        analyzer.startNow();
        return analyzer;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path tokenFile() {
        return tokenFile;
    }

    /** The provider answering ({@code builtin}, {@code openai:<model>}, ...). */
    public synchronized String provider() {
        return running == null ? "stopped" : running.analyzer().provider();
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    /** Stops it (requests are refused: the job's builtin rules decide). */
    public synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** Starts it again on the same port. */
    public synchronized void restart() {
        if (running == null) {
            startNow();
        }
    }

    private synchronized void startNow() {
        AnalyzerOptions o = port == 0 ? options : new AnalyzerOptions(options.host(), port, options.jdbcUrl(),
                options.jdbcUser(), options.jdbcPassword(), options.provider(), options.token(), options.budgets(),
                options.concurrency(), options.similarCandidates());
        running = AnalyzerMain.start(o);
        port = running.port();
    }

    @Override
    public void close() {
        stop();
    }

    private static String token(Path file) {
        try {
            if (Files.exists(file)) {
                String t = Files.readString(file).strip();
                if (t.length() >= 16) {
                    return t;
                }
            }
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String t = HexFormat.of().formatHex(bytes);
            Files.writeString(file, t);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file keeps its default permissions
            }
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the analyzer token in " + file, e);
        }
    }
}
