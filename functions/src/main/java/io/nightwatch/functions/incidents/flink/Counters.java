package io.nightwatch.functions.incidents.flink;

/** Names of the incidents job's Flink counters in the {@code nightwatch} metric group. */
public final class Counters {

    /** Alerts ingested after event time had already passed them (their group may flush at once). */
    public static final String LATE_RECORDS = "lateRecords";
    /** Alerts left out of a notification because they were silenced or inhibited. */
    public static final String MUTED_ALERTS = "mutedAlerts";
    /** Notifications sent (Alertmanager would have called the receiver). */
    public static final String NOTIFICATIONS = "notifications";
    /** Incidents opened. */
    public static final String INCIDENTS_OPENED = "incidentsOpened";
    /** Catalog reloads that failed (enrichment carried on with the last catalog). */
    public static final String CATALOG_FALLBACKS = "catalogFallbacks";
    /** Approvals for incidents that were not held (late, duplicate or unknown). */
    public static final String STRAY_APPROVALS = "strayApprovals";

    /** Accumulator: wall time (epoch ms) the first alert was parsed. Together with the next two, job throughput. */
    public static final String FIRST_ALERT_AT = "nightwatch.firstAlertAt";
    /** Accumulator: wall time (epoch ms) the last alert was parsed. */
    public static final String LAST_ALERT_AT = "nightwatch.lastAlertAt";
    /** Accumulator: wall time (epoch ms) the first alert was inserted into its aggregation group. */
    public static final String FIRST_INSERT_AT = "nightwatch.firstInsertAt";
    /** Accumulator: wall time (epoch ms) the last alert was inserted into its aggregation group. */
    public static final String LAST_INSERT_AT = "nightwatch.lastInsertAt";
    /** Accumulator: wall time (epoch ms) the last notification left the grouping operator. */
    public static final String LAST_NOTIFICATION_AT = "nightwatch.lastNotificationAt";

    private Counters() {}
}
