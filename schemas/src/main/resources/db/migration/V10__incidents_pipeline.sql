-- The incidents job (issue 6): what an incident row carries beyond V2, and the silences the api-server manages.

-- kind: 'group' (one Alertmanager aggregation group's incident) or 'summary' (a convergence rule's summary).
-- priority: 0 is the most urgent (rank of the severity). route: the receiver (notification policy).
-- convergence: handled, collected, skipped, held, approved, rejected, expired, summary; converged_into: the summary.
ALTER TABLE incidents
    ADD COLUMN kind               text        NOT NULL DEFAULT 'group',
    ADD COLUMN priority           int,
    ADD COLUMN route              text,
    ADD COLUMN firing_count       int         NOT NULL DEFAULT 0,
    ADD COLUMN instances          text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN convergence        text,
    ADD COLUMN converged_into     text,
    ADD COLUMN convergence_key    text,
    ADD COLUMN notification_count int         NOT NULL DEFAULT 0,
    ADD COLUMN last_notified_at   timestamptz;
CREATE INDEX incidents_by_converged_into ON incidents (converged_into) WHERE converged_into IS NOT NULL;
CREATE INDEX incidents_by_opened ON incidents (opened_at DESC);

-- Silences as the api-server accepted them (also published to the compacted nw.silences topic, which the job reads).
-- matchers: [{"name","value","isRegex","isEqual"}] as in Alertmanager's API v2.
CREATE TABLE silences (
    id          text PRIMARY KEY,
    matchers    jsonb       NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    created_by  text,
    comment     text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL
);
CREATE INDEX silences_by_end ON silences (ends_at DESC);
