package io.nightwatch.functions.canary.suspect;

/**
 * Something that happened to one instance, as the suspect pattern sees it: its version changed (a release stage
 * started on it) or it raised an alert. Times are epoch milliseconds.
 *
 * @param kind {@link #VERSION_CHANGE} or {@link #ALERT}
 */
public record InstanceSignal(String kind, String service, String instance, long at, String release, String version,
        String alertName, String fingerprint, String severity) {

    public static final String VERSION_CHANGE = "version-change";
    public static final String ALERT = "alert";

    public static InstanceSignal versionChange(String service, String instance, long at, String release,
            String version) {
        return new InstanceSignal(VERSION_CHANGE, service, instance, at, release, version, null, null, null);
    }

    public static InstanceSignal alert(String service, String instance, long at, String name, String fingerprint,
            String severity) {
        return new InstanceSignal(ALERT, service, instance, at, null, null, name, fingerprint, severity);
    }

    public boolean isVersionChange() {
        return VERSION_CHANGE.equals(kind);
    }

    public boolean isAlert() {
        return ALERT.equals(kind);
    }
}
