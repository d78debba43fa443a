-- Shared tables of the release, canary, incident, analyzer and command parts.
-- Version ranges for later migrations, so parallel work never collides: V3-V9 metrics and rules,
-- V10-V19 incidents, V20-V29 releases and canary, V30-V39 analyzer, commands and approvals, V40+ health, playbooks.

-- Releases as the release system reports them on nw.releases (a projection; the newest event wins).
CREATE TABLE releases (
    id              text PRIMARY KEY,
    service         text        NOT NULL,
    version         text        NOT NULL,
    from_version    text,
    status          text        NOT NULL,
    stage           int         NOT NULL DEFAULT 0,
    stage_count     int         NOT NULL DEFAULT 0,
    reason          text,
    suspect         boolean     NOT NULL DEFAULT false,
    suspect_reason  text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX releases_by_service ON releases (service, updated_at DESC);

CREATE TABLE release_stages (
    release_id              text             NOT NULL REFERENCES releases (id),
    stage                   int              NOT NULL,
    canary_instances        text[]           NOT NULL DEFAULT '{}',
    baseline_instances      text[]           NOT NULL DEFAULT '{}',
    analysis_window_seconds bigint           NOT NULL DEFAULT 0,
    pass_threshold          double precision,
    marginal_threshold      double precision,
    status                  text             NOT NULL,
    started_at              timestamptz,
    ended_at                timestamptz,
    verdict                 text,            -- PASS, MARGINAL, FAIL, NOT_ENOUGH_DATA
    score                   double precision,
    PRIMARY KEY (release_id, stage)
);

-- The log of release events (idempotent on event id).
CREATE TABLE release_events (
    event_id    text PRIMARY KEY,
    release_id  text        NOT NULL,
    status      text        NOT NULL,
    stage       int         NOT NULL,
    reason      text,
    at          timestamptz NOT NULL,
    event       jsonb       NOT NULL
);
CREATE INDEX release_events_by_release ON release_events (release_id, at);

-- One row per metric judged at a stage, with the statistics behind the classification.
CREATE TABLE canary_verdicts (
    release_id      text             NOT NULL,
    stage           int              NOT NULL,
    metric          text             NOT NULL,
    classification  text             NOT NULL,   -- Pass, High, Low, Nodata, NotEnoughData, Error
    critical        boolean          NOT NULL DEFAULT false,
    canary_count    int              NOT NULL,
    baseline_count  int              NOT NULL,
    statistics      jsonb            NOT NULL,   -- U, p-value, HL estimate, CI, effect size, rate/dispersion tests
    reason          text,
    judged_at       timestamptz      NOT NULL,
    PRIMARY KEY (release_id, stage, metric)
);

CREATE TABLE anomalies (
    anomaly_id    text PRIMARY KEY,
    series        text             NOT NULL,
    service       text             NOT NULL,
    instance      text             NOT NULL,
    metric        text             NOT NULL,
    window_start  timestamptz      NOT NULL,
    window_end    timestamptz      NOT NULL,
    score         double precision NOT NULL,
    threshold     double precision NOT NULL,
    detector      text             NOT NULL,
    evidence      jsonb            NOT NULL,
    created_at    timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX anomalies_by_service ON anomalies (service, window_start DESC);

CREATE TABLE incidents (
    id           text PRIMARY KEY,
    service      text,
    title        text        NOT NULL,
    severity     text,
    status       text        NOT NULL,           -- open, resolved
    group_key    text,
    release_id   text,
    alert_count  int         NOT NULL DEFAULT 0,
    labels       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    summary      text,
    opened_at    timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    resolved_at  timestamptz
);
CREATE INDEX incidents_by_service ON incidents (service, opened_at DESC);
CREATE INDEX incidents_open ON incidents (status, updated_at DESC);

-- The event log: an incident's whole story, one row per IncidentEvent (idempotent on event id).
CREATE TABLE incident_events (
    event_id            text PRIMARY KEY,
    incident_id         text        NOT NULL,
    type                text        NOT NULL,
    at                  timestamptz NOT NULL,
    service             text,
    title               text,
    severity            text,
    group_key           text,
    alert_fingerprints  text[]      NOT NULL DEFAULT '{}',
    attributes          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    detail              jsonb
);
CREATE INDEX incident_events_by_incident ON incident_events (incident_id, at, event_id);

-- Every command Nightwatch issued or held (idempotent on command id), and what became of it.
CREATE TABLE commands (
    command_id         text PRIMARY KEY,
    kind               text        NOT NULL CHECK (kind IN ('healing', 'rule')),
    action             text        NOT NULL,
    service            text,
    target             text        NOT NULL,
    release_id         text,
    incident_id        text,
    reason             text,
    requires_approval  boolean     NOT NULL DEFAULT false,
    status             text        NOT NULL,     -- issued, held, approved, rejected, expired, executed, failed, not_supported
    issued_by          text,
    payload            jsonb       NOT NULL,
    result             text,
    created_at         timestamptz NOT NULL,
    expires_at         timestamptz,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX commands_by_status ON commands (status, created_at DESC);
CREATE INDEX commands_by_incident ON commands (incident_id);
