package io.nightwatch.jobs.cli;

import io.nightwatch.functions.anomaly.DetectorParams;
import io.nightwatch.functions.anomaly.NabRunner;
import io.nightwatch.jobs.config.ConfigException;
import io.nightwatch.jobs.config.JobArgs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;

/**
 * {@code nightwatch detect} and {@code nightwatch nab}: replay CSV files through the anomaly detector the metrics job
 * runs (same class, same parameters), one fresh detector per file.
 */
final class DetectCommand {

    static final String USAGE = """
            nightwatch detect --input FILE.csv --output FILE.csv
              Scores a timestamp,value CSV; writes timestamp,value,anomaly_score (same rows, same order).
            nightwatch nab --data DIR --out DIR
              Scores DIR/data/<category>/<file>.csv into OUT/<category>/nightwatch_<file>.csv, a progress line per file.
            """;

    private DetectCommand() {}

    static int detect(String[] args) {
        JobArgs a = JobArgs.of(args);
        Path input = Path.of(a.required("input"));
        Path output = Path.of(a.required("output"));
        a.rejectUnknown();
        if (!Files.isRegularFile(input)) {
            throw new ConfigException("--input: no such file: " + input);
        }
        try {
            int rows = NabRunner.scoreFile(input, output, DetectorParams.defaults());
            System.out.println("scored " + rows + " rows -> " + output);
            return 0;
        } catch (IOException | DateTimeParseException e) {
            System.err.println("nightwatch detect: " + input + ": " + e.getMessage());
            return 1;
        }
    }

    static int nab(String[] args) {
        JobArgs a = JobArgs.of(args);
        Path data = Path.of(a.required("data"));
        Path out = Path.of(a.required("out"));
        a.rejectUnknown();
        if (!Files.isDirectory(data.resolve("data"))) {
            throw new ConfigException("--data: " + data + " has no data/ directory (NAB layout: DIR/data/<category>/<file>.csv)");
        }
        try {
            int files = NabRunner.scoreNabDirectory(data, out, DetectorParams.defaults(), System.out);
            System.out.println("scored " + files + " files -> " + out);
            return 0;
        } catch (IOException | DateTimeParseException e) {
            System.err.println("nightwatch nab: " + e.getMessage());
            return 1;
        }
    }
}
