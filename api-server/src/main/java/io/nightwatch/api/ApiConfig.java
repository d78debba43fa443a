package io.nightwatch.api;

/** How the api-server listens and reaches PostgreSQL. */
public record ApiConfig(String host, int port, String jdbcUrl, String jdbcUser, String jdbcPassword) {

    @Override
    public String toString() {
        return "ApiConfig[host=" + host + ", port=" + port + ", jdbcUrl=" + jdbcUrl + ", jdbcUser=" + jdbcUser + "]";
    }
}
