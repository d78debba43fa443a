package io.nightwatch.functions.incidents.model;

/** What a notification of an aggregation group means for its incident. */
public enum NotificationKind {
    /** The first notification with firing alerts: the incident opens. */
    OPENED,
    /** A later notification: new firing alerts, resolved ones, or a repeat. */
    NOTIFIED,
    /** Every alert of the incident is resolved (Alertmanager's all-resolved notification): the incident closes. */
    RESOLVED,
    /** The group emptied while its last alerts were muted, so no all-resolved notification came: the incident closes. */
    CLOSED
}
