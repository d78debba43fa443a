package io.nightwatch.functions.analysis;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/**
 * How the incidents job reaches the analyzer: its base URL ({@code POST <baseUrl>/v1/analyze}), the shared bearer
 * token (null: read {@value #TOKEN_ENV} on the TaskManager, so the token stays out of the job parameters), and the
 * HTTP timeouts. Keep {@code requestTimeout} below the Async I/O timeout so the HTTP call gives up first.
 */
public record AnalyzerClientSettings(URI baseUrl, String token, Duration connectTimeout, Duration requestTimeout)
        implements Serializable {

    /** The environment variable holding the analyzer's bearer token when none is configured. */
    public static final String TOKEN_ENV = "NW_ANALYZER_TOKEN";
    /** The analyzer's endpoint, relative to the base URL. */
    public static final String PATH = "/v1/analyze";

    public AnalyzerClientSettings {
        if (baseUrl == null || baseUrl.getScheme() == null
                || !(baseUrl.getScheme().equals("http") || baseUrl.getScheme().equals("https"))) {
            throw new IllegalArgumentException("analyzer URL must be http(s)://host:port, got " + baseUrl);
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
                || requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("analyzer timeouts must be positive, got connect " + connectTimeout
                    + ", request " + requestTimeout);
        }
    }

    /** Settings with a 2 s connect timeout. */
    public static AnalyzerClientSettings of(String baseUrl, String token, Duration requestTimeout) {
        return new AnalyzerClientSettings(URI.create(baseUrl), token, Duration.ofSeconds(2), requestTimeout);
    }

    /** The full endpoint URI. */
    public URI endpoint() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH);
    }

    /** The configured token, else the environment's, else null. */
    public String resolveToken() {
        if (token != null && !token.isBlank()) {
            return token;
        }
        String env = System.getenv(TOKEN_ENV);
        return env == null || env.isBlank() ? null : env;
    }

    @Override
    public String toString() {
        return "AnalyzerClientSettings[baseUrl=" + baseUrl + ", token=" + (token == null ? "from " + TOKEN_ENV : "***")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }
}
