package io.nightwatch.api.alerts;

import io.nightwatch.schemas.Topics;

/** Where the api-server publishes alerts, silences and incident approvals. */
public record IntakeTopics(String alerts, String silences, String approvals) {

    public static final IntakeTopics DEFAULTS = new IntakeTopics(Topics.ALERTS, Topics.SILENCES, Topics.APPROVALS);
}
