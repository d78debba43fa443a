package io.nightwatch.jobs.incidents;

import io.nightwatch.functions.incidents.enrich.ServiceCatalog;
import io.nightwatch.functions.incidents.enrich.ServiceInfo;
import io.nightwatch.jobs.config.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The service catalog in PostgreSQL ({@code services}: name, team, tier), read with a short-lived connection. */
public final class JdbcServiceCatalog implements ServiceCatalog {

    private static final long serialVersionUID = 1L;

    private final JdbcSettings jdbc;

    public JdbcServiceCatalog(JdbcSettings jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, ServiceInfo> load() throws Exception {
        Properties p = new Properties();
        if (jdbc.user() != null) {
            p.setProperty("user", jdbc.user());
        }
        if (jdbc.password() != null) {
            p.setProperty("password", jdbc.password());
        }
        p.setProperty("connectTimeout", "10");
        p.setProperty("socketTimeout", "30");
        Map<String, ServiceInfo> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbc.url(), p);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, team, tier FROM services")) {
            while (rs.next()) {
                out.put(rs.getString(1), new ServiceInfo(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }
}
