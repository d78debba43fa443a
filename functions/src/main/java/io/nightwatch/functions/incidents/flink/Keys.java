package io.nightwatch.functions.incidents.flink;

import io.nightwatch.functions.incidents.model.IncidentRow;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.functions.incidents.model.RoutedAlert;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.ReleaseEvent;
import org.apache.flink.api.java.functions.KeySelector;

/** The key selectors of the incidents job, one named class each. */
public final class Keys {

    private Keys() {}

    /** An aggregation group. */
    public static final class GroupId implements KeySelector<RoutedAlert, String> {
        @Override
        public String getKey(RoutedAlert r) {
            return r.groupId();
        }
    }

    /** The service of an incident ("" for none), for enrichment. */
    public static final class IncidentService implements KeySelector<IncidentUpdate, String> {
        @Override
        public String getKey(IncidentUpdate u) {
            return u.service() == null ? "" : u.service();
        }
    }

    /** The service of a release event, for enrichment. */
    public static final class ReleaseService implements KeySelector<ReleaseEvent, String> {
        @Override
        public String getKey(ReleaseEvent e) {
            return e.service();
        }
    }

    /** The convergence key of an incident. */
    public static final class ConvergenceKey implements KeySelector<IncidentUpdate, String> {
        @Override
        public String getKey(IncidentUpdate u) {
            return u.convergenceKey() == null ? "incident|" + u.incidentId() : u.convergenceKey();
        }
    }

    /** The incident of an update. */
    public static final class IncidentId implements KeySelector<IncidentUpdate, String> {
        @Override
        public String getKey(IncidentUpdate u) {
            return u.incidentId();
        }
    }

    /** The incident an approval names. */
    public static final class ApprovedIncident implements KeySelector<IncidentEvent, String> {
        @Override
        public String getKey(IncidentEvent e) {
            return e.incidentId();
        }
    }

    /** The incident of a row (so one incident's rows are written in order). */
    public static final class RowId implements KeySelector<IncidentRow, String> {
        @Override
        public String getKey(IncidentRow r) {
            return r.id();
        }
    }
}
