package io.nightwatch.jobs.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The local runtime's data directory ({@code var/} by default): Kafka, PostgreSQL, Flink state, logs, tokens. */
public record VarDir(Path root) {

    public VarDir {
        root = root.toAbsolutePath().normalize();
        for (String sub : new String[] {"kafka", "pg", "flink/checkpoints", "flink/savepoints", "logs"}) {
            try {
                Files.createDirectories(root.resolve(sub));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + root.resolve(sub), e);
            }
        }
    }

    public Path kafka() {
        return root.resolve("kafka");
    }

    public Path postgres() {
        return root.resolve("pg");
    }

    public Path checkpoints() {
        return root.resolve("flink/checkpoints");
    }

    public Path savepoints() {
        return root.resolve("flink/savepoints");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path file(String name) {
        return root.resolve(name);
    }
}
