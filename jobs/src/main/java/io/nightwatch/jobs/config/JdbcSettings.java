package io.nightwatch.jobs.config;

import java.io.Serializable;

/** How a job reaches PostgreSQL. The password may also come from the environment variable NW_PG_PASSWORD. */
public record JdbcSettings(String url, String user, String password) implements Serializable {

    public static final String URL = "jdbc-url";
    public static final String USER = "jdbc-user";
    public static final String PASSWORD = "jdbc-password";

    /** Reads {@code --jdbc-url} (required), {@code --jdbc-user}, {@code --jdbc-password}. */
    public static JdbcSettings from(JobArgs args) {
        String url = args.required(URL);
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("--" + URL + ": expected a jdbc:postgresql: URL, got " + url);
        }
        return new JdbcSettings(url, args.optional(USER, null),
                args.optional(PASSWORD, System.getenv("NW_PG_PASSWORD")));
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
