package io.nightwatch.functions.canary.release;

import io.nightwatch.schemas.ReleaseEvent;
import io.nightwatch.schemas.ReleaseStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What a release event says about instance versions: canary and done instances run the new version (changed by
 * the release); baseline instances run the old one — changed back by the release when it was rolled back or
 * cancelled, otherwise just confirmed.
 */
public final class InstanceVersions {

    private InstanceVersions() {}

    public static List<InstanceVersion> of(ReleaseEvent e) {
        List<InstanceVersion> out = new ArrayList<>();
        List<String> onNew = new ArrayList<>(e.doneInstances());
        onNew.addAll(e.canaryInstances());
        for (String instance : onNew) {
            out.add(new InstanceVersion(e.service(), instance, e.version(), e.release(), e.at(), e.at()));
        }
        if (e.fromVersion() != null) {
            boolean reverted = e.status() == ReleaseStatus.ROLLED_BACK || e.status() == ReleaseStatus.CANCELLED;
            for (String instance : e.baselineInstances()) {
                out.add(new InstanceVersion(e.service(), instance, e.fromVersion(), reverted ? e.release() : null,
                        reverted ? e.at() : null, e.at()));
            }
        }
        return out;
    }
}
