package io.nightwatch.analyzer;

import io.nightwatch.analyzer.agent.AgentBudgets;
import io.nightwatch.analyzer.providers.ProviderKind;
import io.nightwatch.analyzer.providers.ProviderSettings;
import io.nightwatch.analyzer.tools.SimilarIncidentsTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The analyzer's command line: typed, fail-fast {@code --key value} options (unknown keys and bad values are refused
 * with the reason). Secrets never come from the command line: the bearer token from {@code --token-file} or
 * {@value #TOKEN_ENV}, the model API key from {@code --api-key-file} or {@value #API_KEY_ENV}.
 */
public record AnalyzerOptions(
        String host,
        int port,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        ProviderSettings provider,
        String token,
        AgentBudgets budgets,
        int concurrency,
        int similarCandidates) {

    public static final String TOKEN_ENV = "NW_ANALYZER_TOKEN";
    public static final String API_KEY_ENV = "NW_ANALYZER_API_KEY";
    public static final int DEFAULT_PORT = 8090;

    public static final String USAGE = """
            usage: analyzer [options]
              --port 8090                 HTTP port (0: a free one)         --host 0.0.0.0
              --provider builtin          builtin | openai | ollama
              --base-url URL              openai: up to /v1 (default https://api.openai.com/v1; vLLM, LocalAI,
                                          Ollama's http://HOST:11434/v1 ...); ollama: http://localhost:11434
              --model NAME                the model (openai and ollama)
              --api-key-file FILE         the model API key (or NW_ANALYZER_API_KEY); optional for local servers
              --token-file FILE           the bearer token callers send (or NW_ANALYZER_TOKEN; >= 16 characters)
              --jdbc-url URL              PostgreSQL for the drill-down tools (or NW_PG_URL; without it: no tools)
              --jdbc-user USER            (password: NW_PG_PASSWORD)
              --max-tool-calls 8          tool calls per analysis
              --max-model-turns 6         model round trips per analysis (the last one offers no tools)
              --time-budget 60s           total time of one analysis; then the builtin rules decide
              --model-timeout 30s         one model call
              --tool-output-chars 4000    characters of one tool result the model sees
              --concurrency 4             analyses at once (as many more may wait; beyond that: 503)
              --similar-candidates 500    past incidents compared by similar_incidents
            """;

    private static final Set<String> KEYS = Set.of("host", "port", "provider", "base-url", "model", "api-key-file",
            "token-file", "jdbc-url", "jdbc-user", "max-tool-calls", "max-model-turns", "time-budget", "model-timeout",
            "tool-output-chars", "concurrency", "similar-candidates");

    /** Parses the command line; {@code env} supplies the secrets and the database URL fallback. */
    public static AnalyzerOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --key value pairs, got '" + args[i] + "'");
            }
            String key = args[i].substring(2);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "; known: --" + String.join(", --", new TreeSet<>(KEYS)));
            }
            o.put(key, args[++i]);
        }
        ProviderKind kind = ProviderKind.parse(o.getOrDefault("provider", "builtin"));
        String model = o.get("model");
        if (kind != ProviderKind.BUILTIN && (model == null || model.isBlank())) {
            throw new IllegalArgumentException("--model is required with --provider " + kind.label());
        }
        String apiKey = secret(o.get("api-key-file"), env.get(API_KEY_ENV), "--api-key-file");
        String baseUrl = o.get("base-url");
        if (kind == ProviderKind.OPENAI && baseUrl == null && apiKey == null) {
            throw new IllegalArgumentException("the OpenAI API needs a key (--api-key-file or " + API_KEY_ENV
                    + "); for a local OpenAI-compatible server give --base-url");
        }
        if (baseUrl != null && !baseUrl.matches("https?://.+")) {
            throw new IllegalArgumentException("--base-url must be http(s)://..., got " + baseUrl);
        }
        Duration modelTimeout = duration(o, "model-timeout", Duration.ofSeconds(30));
        Duration total = duration(o, "time-budget", Duration.ofSeconds(60));
        if (modelTimeout.compareTo(total) > 0) {
            throw new IllegalArgumentException("--model-timeout " + modelTimeout.toSeconds() + "s is longer than --time-budget "
                    + total.toSeconds() + "s");
        }
        String token = secret(o.get("token-file"), env.get(TOKEN_ENV), "--token-file");
        if (token == null) {
            throw new IllegalArgumentException("no bearer token: give --token-file FILE or set " + TOKEN_ENV);
        }
        if (token.length() < BearerAuth.MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("the bearer token must have at least " + BearerAuth.MIN_TOKEN_LENGTH + " characters");
        }
        String jdbcUrl = o.getOrDefault("jdbc-url", env.get("NW_PG_URL"));
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--jdbc-url must be jdbc:postgresql://..., got " + jdbcUrl);
        }
        AgentBudgets budgets;
        try {
            budgets = new AgentBudgets(integer(o, "max-tool-calls", 8, 0, 50), integer(o, "max-model-turns", 6, 1, 50),
                    total, integer(o, "tool-output-chars", 4000, 200, 100_000));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return new AnalyzerOptions(o.getOrDefault("host", "0.0.0.0"), integer(o, "port", DEFAULT_PORT, 0, 65535),
                jdbcUrl, o.get("jdbc-user"), env.get("NW_PG_PASSWORD"),
                new ProviderSettings(kind, baseUrl, model, apiKey, modelTimeout), token, budgets,
                integer(o, "concurrency", 4, 1, 256),
                integer(o, "similar-candidates", SimilarIncidentsTool.DEFAULT_CANDIDATES, 1, 100_000));
    }

    private static String secret(String file, String env, String option) {
        if (file != null) {
            try {
                String value = Files.readString(Path.of(file)).strip();
                if (value.isEmpty()) {
                    throw new IllegalArgumentException(option + " " + file + " is empty");
                }
                return value;
            } catch (IOException e) {
                throw new IllegalArgumentException(option + ": cannot read " + file + ": " + e.getMessage());
            }
        }
        return env == null || env.isBlank() ? null : env.strip();
    }

    private static int integer(Map<String, String> o, String key, int fallback, int min, int max) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new IllegalArgumentException("--" + key + ": " + n + " is outside [" + min + ", " + max + "]");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + ": not an integer: " + v);
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|sec|m|min|h)?");

    private static Duration duration(Map<String, String> o, String key, Duration fallback) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(v.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("--" + key + ": not a positive duration (e.g. 500ms, 30s, 2min): " + v);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    @Override
    public String toString() {
        return "AnalyzerOptions[host=" + host + ", port=" + port + ", jdbcUrl=" + jdbcUrl + ", provider=" + provider
                + ", budgets=" + budgets + ", concurrency=" + concurrency + "]";
    }
}
