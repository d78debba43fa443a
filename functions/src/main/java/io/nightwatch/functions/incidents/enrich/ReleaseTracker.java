package io.nightwatch.functions.incidents.enrich;

import io.nightwatch.schemas.ReleaseContext;
import io.nightwatch.schemas.ReleaseEvent;
import io.nightwatch.schemas.ReleaseStatus;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers "is this incident's instance in a release, and which stage?" from the newest event of each release of a
 * service: the releases touching any of the incident's instances (canary, baseline or already promoted), an
 * active one first, the most recently changed first; for a service-level incident (no instance), the service's
 * active release.
 */
public final class ReleaseTracker {

    /** Statuses after which a release no longer changes. */
    public static final Set<ReleaseStatus> FINISHED = EnumSet.of(ReleaseStatus.ROLLED_BACK, ReleaseStatus.COMPLETED,
            ReleaseStatus.CANCELLED, ReleaseStatus.FAILED);

    private ReleaseTracker() {}

    public static boolean active(ReleaseEvent e) {
        return !FINISHED.contains(e.status());
    }

    /** The release context for an incident on {@code instances}, or null when no release touches it. */
    public static ReleaseContext contextFor(Collection<String> instances, Collection<ReleaseEvent> releases) {
        Set<String> wanted = new HashSet<>(instances);
        ReleaseEvent best = null;
        for (ReleaseEvent e : releases) {
            boolean touches = wanted.isEmpty() ? active(e) : touches(e, wanted);
            if (touches && better(e, best)) {
                best = e;
            }
        }
        return best == null ? null : context(best);
    }

    private static boolean touches(ReleaseEvent e, Set<String> wanted) {
        return anyIn(e.canaryInstances(), wanted) || anyIn(e.baselineInstances(), wanted) || anyIn(e.doneInstances(), wanted);
    }

    private static boolean anyIn(List<String> list, Set<String> wanted) {
        for (String s : list) {
            if (wanted.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean better(ReleaseEvent e, ReleaseEvent best) {
        if (best == null) {
            return true;
        }
        if (active(e) != active(best)) {
            return active(e);
        }
        int c = compareAt(e, best);
        return c > 0 || (c == 0 && e.release().compareTo(best.release()) < 0);
    }

    private static int compareAt(ReleaseEvent a, ReleaseEvent b) {
        if (a.at() == null || b.at() == null) {
            return a.at() == null ? (b.at() == null ? 0 : -1) : 1;
        }
        return a.at().compareTo(b.at());
    }

    public static ReleaseContext context(ReleaseEvent e) {
        return new ReleaseContext(e.release(), e.version(), e.fromVersion(), e.stage(), e.stageCount(), e.status(),
                active(e), e.canaryInstances(), e.baselineInstances(), e.doneInstances(), e.at());
    }
}
