package io.nightwatch.jobs.incidents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo's incidents configuration ({@code incidents/demo.yml} on the classpath), written where the job can read it. */
public final class DemoIncidentsConfig {

    static final String RESOURCE = "/incidents/demo.yml";

    private DemoIncidentsConfig() {}

    /** Writes the configuration to {@code file} (replacing an older copy) and returns the file. */
    public static Path write(Path file) {
        try (InputStream in = DemoIncidentsConfig.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE + " on the classpath");
            }
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
