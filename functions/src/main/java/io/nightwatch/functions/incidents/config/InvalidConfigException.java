package io.nightwatch.functions.incidents.config;

/** A configuration (file, matcher, duration) that cannot be used; the message says where and why. */
public final class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String message) {
        super(message);
    }
}
