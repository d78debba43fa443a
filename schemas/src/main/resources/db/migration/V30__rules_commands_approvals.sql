-- The analyzer's commands, approvals and the rule store (issue 7; this part's range is V30-V39).

-- Every version of every alert rule, as the rule store (api-server) keeps it. The current version of a rule is its
-- highest; nw.rules (compacted) carries the current version of every live rule, a tombstone for a deleted one.
-- rule: the AlertRule JSON published on nw.rules (for a deletion: the last live version, kept for a rollback).
-- policy: how proposed changes (RuleChangeCommands) are applied: 'auto' (a new version at once) or 'approval'
-- (pending until an operator approves).
CREATE TABLE alert_rules (
    id          text        NOT NULL,
    version     int         NOT NULL CHECK (version >= 1),
    rule        jsonb       NOT NULL,
    policy      text        NOT NULL CHECK (policy IN ('auto', 'approval')),
    deleted     boolean     NOT NULL DEFAULT false,
    created_by  text        NOT NULL,
    reason      text,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (id, version)
);

-- One row per change of a rule: who or what asked (an operator, or a command's issuer), why, the thresholds and
-- hold durations before and after, and what became of it. command_id is the RuleChangeCommand's idempotency key
-- (unique: a redelivered command is recorded once); null for an operator's own edit, rollback or deletion.
CREATE TABLE rule_changes (
    id               bigserial        PRIMARY KEY,
    rule_id          text             NOT NULL,
    command_id       text             UNIQUE,
    kind             text             NOT NULL CHECK (kind IN ('create', 'edit', 'command', 'rollback', 'delete')),
    from_version     int,
    to_version       int,
    old_threshold    double precision,
    new_threshold    double precision,
    old_for_seconds  bigint,
    new_for_seconds  bigint,
    old_enabled      boolean,
    new_enabled      boolean,
    reason           text,
    evidence         jsonb            NOT NULL DEFAULT '{}'::jsonb,
    incident_id      text,
    requested_by     text             NOT NULL,
    status           text             NOT NULL CHECK (status IN ('applied', 'pending', 'rejected', 'refused')),
    decided_by       text,
    decision_note    text,
    created_at       timestamptz      NOT NULL,
    decided_at       timestamptz
);
CREATE INDEX rule_changes_by_rule ON rule_changes (rule_id, created_at DESC, id DESC);
CREATE INDEX rule_changes_pending ON rule_changes (created_at) WHERE status = 'pending';

-- Every decision an operator took on something held for approval: an incident (defense convergence), a command the
-- incidents job holds, a rule change the rule store holds. The decision itself travels on nw.approvals (or is
-- applied by the rule store); this is the audit trail.
CREATE TABLE approvals (
    id           bigserial   PRIMARY KEY,
    subject      text        NOT NULL CHECK (subject IN ('incident', 'command', 'rule_change')),
    subject_id   text        NOT NULL,
    incident_id  text,
    decision     text        NOT NULL CHECK (decision IN ('approved', 'rejected')),
    decided_by   text        NOT NULL,
    comment      text,
    at           timestamptz NOT NULL
);
CREATE INDEX approvals_by_subject ON approvals (subject, subject_id, at);

CREATE INDEX commands_by_kind ON commands (kind, created_at DESC);
