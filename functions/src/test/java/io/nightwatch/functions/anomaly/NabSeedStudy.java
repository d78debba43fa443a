package io.nightwatch.functions.anomaly;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Writes NAB results for hash seeds 0..n-1 (not a unit test: run it by hand, then score each directory with
 * nabscore.py). The detector's NAB score moves by a few points with the seed, which only changes which keys collide
 * in its bit sets; README-anomaly.md reports the spread. Usage: {@code java ... NabSeedStudy <nabDir> <outDir> [n]}
 * → {@code <outDir>/seed-<k>/<category>/nightwatch_<file>.csv}.
 */
public final class NabSeedStudy {
    private NabSeedStudy() { }

    public static void main(String[] args) throws IOException {
        Path nab = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 24;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (int seed = 0; seed < seeds; seed++) {
            NabRunner.scoreNabDirectory(nab, out.resolve("seed-" + seed), DetectorParams.defaults().withHashSeed(seed), quiet);
            System.out.println(out.resolve("seed-" + seed));
        }
    }
}
