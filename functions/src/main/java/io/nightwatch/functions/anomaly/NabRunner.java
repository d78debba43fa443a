package io.nightwatch.functions.anomaly;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Replays {@code timestamp,value} CSV files through a fresh {@link StreamingDetector} per file, in file order, and
 * writes {@code timestamp,value,anomaly_score}: one file, or a whole NAB layout
 * ({@code DIR/data/<category>/<file>.csv} → {@code OUT/<category>/nightwatch_<file>.csv}).
 */
public final class NabRunner {
    /** Prefix NAB's scorer expects before the data file name. */
    public static final String RESULT_PREFIX = "nightwatch_";

    private static final DateTimeFormatter NAB_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendLiteral('Z').optionalEnd()
            .toFormatter();

    private NabRunner() { }

    /** Scores one CSV file; returns the number of data rows written. */
    public static int scoreFile(Path input, Path output, DetectorParams params) throws IOException {
        StreamingDetector detector = new StreamingDetector(params);
        DetectorState state = detector.newState();
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        int rows = 0;
        try (BufferedReader in = Files.newBufferedReader(input);
             BufferedWriter out = Files.newBufferedWriter(output)) {
            String header = in.readLine();
            if (header == null) throw new IOException(input + ": empty file");
            out.write("timestamp,value,anomaly_score\n");
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                int comma = line.indexOf(',');
                if (comma < 0) throw new IOException(input + ": no comma in row " + (rows + 1) + ": " + line);
                String time = line.substring(0, comma).trim();
                String value = line.substring(comma + 1).trim();
                double score = detector.update(state, parseTimestamp(time), parseValue(value)).score();
                out.write(time);
                out.write(',');
                out.write(value);
                out.write(',');
                out.write(Double.toString(score));
                out.write('\n');
                rows++;
            }
        }
        return rows;
    }

    /** Scores every {@code nabDir/data/<category>/<file>.csv}, printing one progress line per file; returns files scored. */
    public static int scoreNabDirectory(Path nabDir, Path outDir, DetectorParams params, PrintStream progress)
            throws IOException {
        Path data = nabDir.resolve("data");
        if (!Files.isDirectory(data)) throw new IOException(data + " is not a directory");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(data, 2)) {
            walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".csv")
                            && f.getParent() != null && !f.getParent().equals(data))
                    .sorted()
                    .forEach(files::add);
        }
        int done = 0;
        for (Path file : files) {
            String category = file.getParent().getFileName().toString();
            Path target = outDir.resolve(category).resolve(RESULT_PREFIX + file.getFileName());
            long start = System.nanoTime();
            int rows = scoreFile(file, target, params);
            done++;
            progress.printf("[%d/%d] %s/%s: %d rows in %d ms%n", done, files.size(), category,
                    file.getFileName(), rows, (System.nanoTime() - start) / 1_000_000);
        }
        return done;
    }

    /** NAB's {@code yyyy-MM-dd HH:mm:ss[.ffffff]} (UTC), ISO-8601 with {@code T}/{@code Z}, or epoch milliseconds. */
    static long parseTimestamp(String text) {
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) return Long.parseLong(text);
        try {
            return LocalDateTime.parse(text, NAB_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (RuntimeException e) {
            return Instant.parse(text).toEpochMilli();
        }
    }

    /** A number, or NaN for an empty or unparsable cell (the detector skips NaN). */
    static double parseValue(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
