package io.nightwatch.jobs.config;

/** A configuration error a user can fix; its message says which option and why. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
