package io.nightwatch.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether an alert is firing or resolved (Alertmanager's two states). */
public enum AlertStatus {
    @JsonProperty("firing") FIRING,
    @JsonProperty("resolved") RESOLVED
}
