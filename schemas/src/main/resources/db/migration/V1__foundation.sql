-- Nightwatch foundation: service inventory, 1-minute (and later coarser) rollups, API tokens.

CREATE TABLE services (
    name        text PRIMARY KEY,
    team        text,
    tier        text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- The version each instance runs; written by the release projection, read by the API and enrichment.
CREATE TABLE instances (
    service     text NOT NULL,
    instance    text NOT NULL,
    version     text,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service, instance)
);

-- One row per series, resolution and window; written with an upsert so a replay rewrites the same row.
-- Service-level rollups (all instances together) use instance '*'.
CREATE TABLE metric_rollups (
    series        text             NOT NULL,
    resolution    text             NOT NULL CHECK (resolution IN ('1m', '5m', '15m', '1h', '1d')),
    window_start  timestamptz      NOT NULL,
    service       text             NOT NULL,
    instance      text             NOT NULL,
    metric        text             NOT NULL,
    labels        jsonb            NOT NULL DEFAULT '{}'::jsonb,
    count         bigint           NOT NULL,
    sum           double precision NOT NULL,
    min           double precision NOT NULL,
    max           double precision NOT NULL,
    avg           double precision NOT NULL,
    p50           double precision,
    p90           double precision,
    p99           double precision,
    updated_at    timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (series, resolution, window_start)
);
CREATE INDEX metric_rollups_by_service ON metric_rollups (service, instance, metric, resolution, window_start);
CREATE INDEX metric_rollups_by_window ON metric_rollups (resolution, window_start);

-- Bearer tokens: only the SHA-256 of a token is stored.
CREATE TABLE api_tokens (
    id            bigserial   PRIMARY KEY,
    name          text        NOT NULL UNIQUE,
    role          text        NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    token_hash    text        NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
