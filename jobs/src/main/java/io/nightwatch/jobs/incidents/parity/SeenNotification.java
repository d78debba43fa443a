package io.nightwatch.jobs.incidents.parity;

import java.util.SortedSet;

/**
 * A notification as observed on either side: the group it is for, the receiver, its order (arrival order at the
 * webhook, or event time in Nightwatch), and the firing and resolved alerts as label-set strings.
 */
public record SeenNotification(String groupKey, String receiver, long order, SortedSet<String> firing, SortedSet<String> resolved) {

    /** The content that must agree: receiver, firing and resolved alerts. */
    public String content() {
        return receiver + " firing=" + firing + " resolved=" + resolved;
    }
}
