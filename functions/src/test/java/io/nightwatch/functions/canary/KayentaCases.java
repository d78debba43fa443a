package io.nightwatch.functions.canary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds and reads Kayenta's judge cases in shared/datasets/kayenta (see shared/BENCHMARKS.md). */
final class KayentaCases {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KayentaCases() {}

    /** ../../shared/datasets/kayenta from the module directory, else $NW_SHARED_DIR/datasets/kayenta. */
    static Path dir() {
        Path fromModule = Path.of(System.getProperty("user.dir")).resolve("../../shared/datasets/kayenta").normalize();
        if (Files.isDirectory(fromModule)) {
            return fromModule;
        }
        String shared = System.getenv("NW_SHARED_DIR");
        if (shared != null) {
            Path p = Path.of(shared);
            for (Path candidate : List.of(p.resolve("datasets/kayenta"), p)) {
                if (Files.exists(candidate.resolve("classifier_cases.json"))) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("Kayenta cases not found at " + fromModule
                + " (run from the functions module, or set NW_SHARED_DIR to the shared directory)");
    }

    /** The "cases" array of one file. */
    static List<JsonNode> cases(String file) {
        try {
            JsonNode root = MAPPER.readTree(dir().resolve(file).toFile());
            List<JsonNode> out = new ArrayList<>();
            root.get("cases").forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
