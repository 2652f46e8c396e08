-- Migration 1: the whole document schema.
-- Append-only: never edit a migration that has shipped; add the next number.
-- Foreign keys have no ON DELETE actions on purpose: the model orders
-- cascades as explicit edits, so every removal is undoable, and a missed
-- reference fails loudly here instead of deleting rows silently.

CREATE TABLE document_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE elements (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('service_area', 'product', 'service', 'family',
                    'application', 'platform', 'infrastructure', 'market_segment', 'org_unit',
                    'team', 'person')),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    external    INTEGER NOT NULL DEFAULT 0 CHECK (external IN (0, 1)),
    lifecycle   TEXT CHECK (lifecycle IN ('idea', 'mvp', 'growth', 'mature', 'retiring', 'withdrawn')),
    tags        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    properties  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(properties) AND json_type(properties) = 'object')
) STRICT;

CREATE TABLE relations (
    id        TEXT PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('rolls_up_to', 'supports', 'serves', 'belongs_to',
                  'delivered_by', 'collaborates_with', 'dotted_line')),
    source_id TEXT NOT NULL REFERENCES elements (id),
    target_id TEXT NOT NULL REFERENCES elements (id),
    CHECK (source_id <> target_id)
) STRICT;
CREATE INDEX relations_by_source ON relations (source_id);
CREATE INDEX relations_by_target ON relations (target_id);

CREATE TABLE maps (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
    model    TEXT NOT NULL CHECK (model IN ('pyramid', 'service', 'technical', 'market',
                 'organizational', 'freeform')),
    position INTEGER NOT NULL
) STRICT;

CREATE TABLE groups (
    id        TEXT PRIMARY KEY,
    map_id    TEXT NOT NULL REFERENCES maps (id),
    parent_id TEXT REFERENCES groups (id),
    kind      TEXT NOT NULL CHECK (kind IN ('tier', 'family', 'platform_group', 'segment_lane',
                  'division', 'plain')),
    name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
    x         REAL NOT NULL,
    y         REAL NOT NULL,
    width     REAL NOT NULL CHECK (width >= 0),
    height    REAL NOT NULL CHECK (height >= 0),
    collapsed INTEGER NOT NULL DEFAULT 0 CHECK (collapsed IN (0, 1))
) STRICT;
CREATE INDEX groups_by_map ON groups (map_id);
CREATE INDEX groups_by_parent ON groups (parent_id);

CREATE TABLE placements (
    map_id     TEXT NOT NULL REFERENCES maps (id),
    element_id TEXT NOT NULL REFERENCES elements (id),
    group_id   TEXT REFERENCES groups (id),
    x          REAL NOT NULL,
    y          REAL NOT NULL,
    width      REAL NOT NULL CHECK (width >= 0),
    height     REAL NOT NULL CHECK (height >= 0),
    PRIMARY KEY (map_id, element_id)
) STRICT;
CREATE INDEX placements_by_element ON placements (element_id);
CREATE INDEX placements_by_group ON placements (group_id);

CREATE TABLE ownerships (
    id          TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES elements (id),
    element_id  TEXT REFERENCES elements (id),
    group_id    TEXT REFERENCES groups (id),
    role        TEXT NOT NULL CHECK (role IN ('business_owner', 'product_manager', 'product_owner',
                    'service_owner')),
    accountable INTEGER NOT NULL CHECK (accountable IN (0, 1)),
    CHECK ((element_id IS NULL) <> (group_id IS NULL))
) STRICT;
CREATE INDEX ownerships_by_person ON ownerships (person_id);
CREATE INDEX ownerships_by_element ON ownerships (element_id);
CREATE INDEX ownerships_by_group ON ownerships (group_id);

CREATE TABLE kpis (
    id                TEXT PRIMARY KEY,
    element_id        TEXT NOT NULL REFERENCES elements (id),
    name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
    value_source      TEXT NOT NULL DEFAULT '',
    objective         TEXT NOT NULL DEFAULT '',
    collection_method TEXT NOT NULL DEFAULT '',
    target            TEXT,
    current_value     TEXT,
    position          INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX kpis_by_element ON kpis (element_id);

CREATE TABLE capability_scores (
    person_id TEXT NOT NULL REFERENCES elements (id),
    part      TEXT NOT NULL,
    score     INTEGER NOT NULL CHECK (score BETWEEN 0 AND 4),
    note      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (person_id, part)
) STRICT;

CREATE TABLE activity_cells (
    activity       TEXT NOT NULL,
    role           TEXT NOT NULL,
    responsibility TEXT NOT NULL,
    PRIMARY KEY (activity, role)
) STRICT;

-- The undo history: each entry is one gesture, with the edits that did it
-- and the edits that undo it (JSON arrays of tiermap_model::Edit).
-- Entries with undone = 1 form the redo stack, always the newest entries.
CREATE TABLE history (
    seq        INTEGER PRIMARY KEY,
    label      TEXT NOT NULL,
    forward    TEXT NOT NULL CHECK (json_valid(forward)),
    inverse    TEXT NOT NULL CHECK (json_valid(inverse)),
    undone     INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
    created_at TEXT NOT NULL
) STRICT;
