package io.nightwatch.functions.anomaly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints ns per {@link StreamingDetector#update} over every row of a NAB layout (not a unit test: run it by hand).
 * Usage: {@code java ... DetectorThroughputBenchmark <nabDir> [rounds]}; reports the median of the rounds.
 */
public final class DetectorThroughputBenchmark {
    private DetectorThroughputBenchmark() { }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]).resolve("data");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<long[]> times = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data, 2)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                List<String> rows = Files.readAllLines(f);
                long[] t = new long[rows.size() - 1];
                double[] v = new double[rows.size() - 1];
                for (int i = 1; i < rows.size(); i++) {
                    String[] cells = rows.get(i).split(",");
                    t[i - 1] = NabRunner.parseTimestamp(cells[0]);
                    v[i - 1] = NabRunner.parseValue(cells[1]);
                }
                times.add(t);
                values.add(v);
            }
        }
        long points = values.stream().mapToLong(v -> v.length).sum();
        StreamingDetector detector = new StreamingDetector();
        double[] nsPerPoint = new double[rounds];
        double sink = 0;
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            for (int f = 0; f < values.size(); f++) {
                DetectorState state = detector.newState();
                long[] t = times.get(f);
                double[] v = values.get(f);
                for (int i = 0; i < v.length; i++) sink += detector.update(state, t[i], v[i]).score();
            }
            nsPerPoint[r] = (System.nanoTime() - start) / (double) points;
        }
        double[] sorted = nsPerPoint.clone();
        Arrays.sort(sorted);
        System.out.printf("%d files, %d points, %d rounds: median %.1f ns/point (min %.1f, max %.1f) [checksum %.3f]%n",
                values.size(), points, rounds, sorted[rounds / 2], sorted[0], sorted[rounds - 1], sink);
        System.out.printf("state: %d bytes per series%n", detector.newState().heapBytes());
    }
}
