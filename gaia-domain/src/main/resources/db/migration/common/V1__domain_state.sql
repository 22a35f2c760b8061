-- Domain state: nodes, API keys, usage, probes, settings.
-- One script for SQLite and PostgreSQL. The only difference is the auto-numbered primary key,
-- which the store's SqlDialect fills in as the id_column placeholder. Instants are epoch
-- milliseconds in BIGINT columns (suffix _ms): the same type, order and arithmetic in both.

CREATE TABLE nodes (
  address      TEXT    NOT NULL PRIMARY KEY,  -- 0x + 40 lower-case hex digits
  url          TEXT,                          -- null for tunnelled nodes
  tunnel       BOOLEAN NOT NULL,
  state        TEXT    NOT NULL CHECK (state IN ('pending', 'active', 'degraded', 'ejected')),
  models       TEXT    NOT NULL,              -- JSON object: model id -> SHA-256 hex of its file
  joined_at_ms BIGINT  NOT NULL,
  last_seen_ms BIGINT  NOT NULL,
  note         TEXT
);

CREATE TABLE api_keys (
  id            TEXT    NOT NULL PRIMARY KEY,
  hash          TEXT    NOT NULL UNIQUE,      -- SHA-256 hex of the secret; the secret is not kept
  label         TEXT    NOT NULL,
  rpm           INTEGER CHECK (rpm > 0),      -- null: no limit
  tpm           INTEGER CHECK (tpm > 0),      -- null: no limit
  created_at_ms BIGINT  NOT NULL,
  revoked_at_ms BIGINT                        -- null while valid
);

CREATE TABLE usage_log (
  id                ${id_column},
  key_id            TEXT,                     -- null for requests without a key (open domains)
  node              TEXT    NOT NULL,
  model             TEXT    NOT NULL,
  prompt_tokens     INTEGER NOT NULL CHECK (prompt_tokens >= 0),
  completion_tokens INTEGER NOT NULL CHECK (completion_tokens >= 0),
  at_ms             BIGINT  NOT NULL
);
CREATE INDEX usage_log_key ON usage_log (key_id, at_ms);
CREATE INDEX usage_log_node ON usage_log (node, at_ms);

CREATE TABLE probes (
  id         ${id_column},
  node       TEXT    NOT NULL REFERENCES nodes (address),
  at_ms      BIGINT  NOT NULL,
  passed     BOOLEAN NOT NULL,
  detail     TEXT    NOT NULL,
  latency_us BIGINT  NOT NULL
);
CREATE INDEX probes_node ON probes (node, at_ms, id);

CREATE TABLE settings (
  name TEXT NOT NULL PRIMARY KEY,
  json TEXT NOT NULL
);
