package io.nightwatch.functions.incidents.flink;

import java.io.Serializable;

/** The wall clock an operator reads (replaceable in tests). */
@FunctionalInterface
public interface WallClock extends Serializable {

    WallClock SYSTEM = System::currentTimeMillis;

    long now();
}
