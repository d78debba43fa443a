package io.nightwatch.functions.incidents.muting;

import io.nightwatch.functions.incidents.model.AlertInstance;
import java.util.ArrayList;
import java.util.List;

/** The versions of one inhibition-source alert, by ingest time (Flink POJO, kept in broadcast state). */
public class SourceVersions {

    public List<AlertInstance> versions = new ArrayList<>(1);

    public SourceVersions() {}

    public SourceVersions(List<AlertInstance> versions) {
        this.versions = versions;
    }
}
