package io.nightwatch.api.auth;

import io.javalin.security.RouteRole;
import java.util.Locale;

/** A caller's role; each role may do everything the roles below it may. */
public enum Role implements RouteRole {
    VIEWER,
    OPERATOR,
    ADMIN;

    /** Whether a caller with this role may call a route that requires {@code required}. */
    public boolean covers(Role required) {
        return ordinal() >= required.ordinal();
    }

    /** Lower-case name as stored and shown ({@code viewer}, {@code operator}, {@code admin}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code viewer}, {@code operator} or {@code admin}. */
    public static Role parse(String text) {
        if (text != null) {
            for (Role r : values()) {
                if (r.label().equalsIgnoreCase(text.trim())) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; expected viewer, operator or admin");
    }
}
