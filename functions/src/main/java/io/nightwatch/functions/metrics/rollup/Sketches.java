package io.nightwatch.functions.metrics.rollup;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.mapping.CubicallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The quantile sketch of every rollup: DDSketch with 1% relative accuracy (a quantile q is reported as a value
 * within 1% of an actual value of rank q). In state, sketches are kept in DDSketch's compact encoding (varint bins)
 * and decoded only to merge or to read quantiles.
 */
public final class Sketches {

    /** The guaranteed relative accuracy of every quantile. */
    public static final double RELATIVE_ACCURACY = 0.01;
    /** The quantiles every rollup reports. */
    public static final double[] QUANTILES = {0.5, 0.9, 0.99};

    private static final IndexMapping MAPPING = new CubicallyInterpolatedMapping(RELATIVE_ACCURACY);

    private Sketches() {}

    /** An empty sketch. */
    public static DDSketch empty() {
        return new DDSketch(MAPPING, () -> new UnboundedSizeDenseStore(8));
    }

    /** The compact encoding (without the index mapping, which is fixed). */
    public static byte[] encode(DDSketch sketch) {
        GrowingByteArrayOutput out = GrowingByteArrayOutput.withInitialCapacity(64);
        try {
            sketch.encode(out, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.trimmedCopy();
    }

    /** Merges an encoded sketch into {@code into}; a null encoding is the empty sketch. */
    public static void mergeEncoded(DDSketch into, byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            return;
        }
        try {
            into.decodeAndMergeWith(ByteArrayInput.wrap(encoded));
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt sketch encoding", e);
        }
    }

    /** Decodes an encoding into a fresh sketch. */
    public static DDSketch decode(byte[] encoded) {
        DDSketch sketch = empty();
        mergeEncoded(sketch, encoded);
        return sketch;
    }

    /** p50, p90, p99 of a non-empty sketch. */
    public static double[] quantiles(DDSketch sketch) {
        return sketch.getValuesAtQuantiles(QUANTILES);
    }
}
