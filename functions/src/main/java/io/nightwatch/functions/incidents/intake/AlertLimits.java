package io.nightwatch.functions.incidents.intake;

import java.io.Serializable;

/** Bounds an accepted alert must respect, so no producer can blow up the job's state with one record. */
public record AlertLimits(int maxBytes, int maxLabels, int maxLabelValueLength, int maxAnnotations, int maxAnnotationLength)
        implements Serializable {

    public static AlertLimits defaults() {
        return new AlertLimits(64 * 1024, 64, 2048, 32, 8192);
    }
}
