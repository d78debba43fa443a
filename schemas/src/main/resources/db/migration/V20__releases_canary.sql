-- Releases and canary analysis (issue 5; this part's range is V20-V29).

-- The release projection and the canary verdicts are written by independent sinks, so a verdict may land before
-- the stage's (or the release's) row. Rows are joined by release id; the foreign key would reject that order.
ALTER TABLE release_stages DROP CONSTRAINT IF EXISTS release_stages_release_id_fkey;

-- A stage as the release system started it, and as the judge saw it.
ALTER TABLE release_stages
    ADD COLUMN done_instances  text[]      NOT NULL DEFAULT '{}',  -- promoted by earlier stages (still on the new version)
    ADD COLUMN updated_at      timestamptz,                        -- time of the newest release event applied (newest wins)
    ADD COLUMN window_start    timestamptz,                        -- the analysis window the judge used
    ADD COLUMN window_end      timestamptz,
    ADD COLUMN verdict_reason  text,
    ADD COLUMN group_scores    jsonb,
    ADD COLUMN judged_at       timestamptz;

ALTER TABLE canary_verdicts
    ADD COLUMN decided_by  text,                                   -- mann-whitney, rate, spread, trend, sample-rule, no-data, identical, error
    ADD COLUMN groups      text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN muted       boolean NOT NULL DEFAULT false;

-- Which release last changed an instance's version, and when (written by the release projection).
ALTER TABLE instances
    ADD COLUMN release_id     text,
    ADD COLUMN version_since  timestamptz;

-- An instance raised an alert within N minutes of its version change (the canary job's CEP pattern).
CREATE TABLE release_suspicions (
    release_id          text        NOT NULL,
    instance            text        NOT NULL,
    alert_fingerprint   text        NOT NULL,
    service             text        NOT NULL,
    version             text,
    alert_name          text,
    severity            text,
    version_changed_at  timestamptz NOT NULL,
    alert_at            timestamptz NOT NULL,
    reason              text        NOT NULL,
    PRIMARY KEY (release_id, instance, alert_fingerprint)
);

CREATE INDEX commands_by_release ON commands (release_id, created_at);
CREATE INDEX incident_events_by_release ON incident_events ((attributes ->> 'release'));
