package io.nightwatch.functions.metrics.rollup;

import io.nightwatch.schemas.Rollup;

/** A rollup with the encoded sketch of its values, so that service-level rollups can merge quantiles exactly. */
public record SketchedRollup(Rollup rollup, byte[] sketch) {}
