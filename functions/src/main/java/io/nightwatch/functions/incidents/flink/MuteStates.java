package io.nightwatch.functions.incidents.flink;

import io.nightwatch.functions.incidents.muting.SourceVersions;
import io.nightwatch.schemas.Silence;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** The broadcast state the grouping operator keeps: silences by id, inhibition-source alerts by fingerprint. */
public final class MuteStates {

    public static final MapStateDescriptor<String, Silence> SILENCES =
            new MapStateDescriptor<>("silences", Types.STRING, TypeInformation.of(Silence.class));
    public static final MapStateDescriptor<String, SourceVersions> SOURCES =
            new MapStateDescriptor<>("inhibition-sources", Types.STRING, TypeInformation.of(SourceVersions.class));

    private MuteStates() {}
}
