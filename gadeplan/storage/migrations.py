"""Numbered schema migrations, each applied atomically and recorded in the database.

Migrations may call the SQL functions the store registers on every connection
(``gp_person_text``, ``gp_encounter_text``), so a backfill folds text exactly as new writes do.

Append new migrations; never edit one that has shipped. Records keep their fields as JSON, so
adding a field to a record type needs no migration; migrations are for tables and indexes.
"""

from __future__ import annotations

import msgspec


class Migration(msgspec.Struct, frozen=True):
    version: int
    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "records, outbox and local state",
        """
        CREATE TABLE local_state (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        -- One table for every synced entity: the sync engine, erasure and export treat them
        -- alike. 'version' is the server version last seen (0 = never synced); 'meta' holds,
        -- per field, [hlc, server version] of its last change, for the merge rule.
        CREATE TABLE record (
            rowid       INTEGER PRIMARY KEY,
            id          TEXT NOT NULL UNIQUE,
            entity      TEXT NOT NULL,
            team_id     TEXT,
            person_id   TEXT,
            version     INTEGER NOT NULL DEFAULT 0,
            deleted     INTEGER NOT NULL DEFAULT 0,
            updated_hlc TEXT NOT NULL,
            data        TEXT NOT NULL,
            meta        TEXT NOT NULL
        );
        CREATE INDEX record_by_person ON record(person_id, entity) WHERE person_id IS NOT NULL;
        CREATE INDEX record_by_entity ON record(entity, updated_hlc);

        -- Mutations in the shape of the sync protocol, written in the same transaction as the
        -- change they describe. mutation_id is the per-device sequence.
        CREATE TABLE outbox (
            mutation_id  INTEGER PRIMARY KEY,
            entity       TEXT NOT NULL,
            record_id    TEXT NOT NULL,
            person_id    TEXT,
            op           TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
            base_version INTEGER,
            hlc          TEXT NOT NULL,
            fields       TEXT NOT NULL,
            old          TEXT NOT NULL,
            created_at   TEXT NOT NULL
        );
        CREATE INDEX outbox_by_record ON outbox(record_id);
        CREATE INDEX outbox_by_person ON outbox(person_id) WHERE person_id IS NOT NULL;
        """,
    ),
    Migration(
        2,
        "search index",
        """
        -- Folded text (see app/domain/folding.py); rowid = record.rowid.
        -- secure-delete: a deleted or erased name leaves no token behind in the index.
        CREATE VIRTUAL TABLE person_search USING fts5(
            text, tokenize = 'unicode61', prefix = '1 2 3'
        );
        INSERT INTO person_search(person_search, rank) VALUES ('secure-delete', 1);
        CREATE VIRTUAL TABLE encounter_search USING fts5(
            text, person_id UNINDEXED, tokenize = 'unicode61', prefix = '2 3'
        );
        INSERT INTO encounter_search(encounter_search, rank) VALUES ('secure-delete', 1);
        INSERT INTO person_search(rowid, text)
            SELECT rowid, gp_person_text(data) FROM record
            WHERE entity = 'person' AND deleted = 0;
        INSERT INTO encounter_search(rowid, text, person_id)
            SELECT rowid, gp_encounter_text(data), person_id FROM record
            WHERE entity = 'encounter' AND deleted = 0;
        """,
    ),
    Migration(
        3,
        "indexes for today's lists and timelines",
        """
        CREATE INDEX encounter_by_time ON record(json_extract(data, '$.occurred_at'))
            WHERE entity = 'encounter';
        CREATE INDEX follow_up_by_due ON record(json_extract(data, '$.due_on'))
            WHERE entity = 'follow_up';
        CREATE INDEX person_by_alias ON record(json_extract(data, '$.alias') COLLATE NOCASE)
            WHERE entity = 'person';
        CREATE INDEX person_by_cpr ON record(json_extract(data, '$.cpr'))
            WHERE entity = 'person';
        """,
    ),
    Migration(
        4,
        "sync bookkeeping",
        """
        -- Mutations the server refused for good, until the worker has seen them.
        CREATE TABLE sync_rejection (
            mutation_id INTEGER PRIMARY KEY,
            entity      TEXT NOT NULL,
            record_id   TEXT NOT NULL,
            error       TEXT NOT NULL,
            at          TEXT NOT NULL
        );
        -- Ids erased at the backend (ids only, no data), so nothing brings them back.
        CREATE TABLE sync_erased (id TEXT PRIMARY KEY) WITHOUT ROWID;
        -- Ids returned by a full pull after reset_required, until it finishes.
        CREATE TABLE sync_reset_seen (id TEXT PRIMARY KEY) WITHOUT ROWID;
        """,
    ),
    Migration(
        5,
        "index for the people list's last-seen dates",
        """
        -- The latest encounter per person, for "not seen for N days" and the quick log's
        -- last place: a covering scan of this index instead of every encounter's JSON.
        CREATE INDEX encounter_by_person_time
            ON record(person_id, json_extract(data, '$.occurred_at'))
            WHERE entity = 'encounter' AND deleted = 0 AND person_id IS NOT NULL;
        """,
    ),
    Migration(
        6,
        "covering indexes for the radar, the dashboard and the reports",
        """
        -- Those screens read a few fields of every person and every housing entry. Read
        -- through the table, each row costs a page of its own to decrypt (about a second
        -- for 20,000 persons); these indexes hold exactly the fields storage/analytics.py
        -- selects, so the reads never touch the table. The expressions must stay character
        -- for character what analytics.py writes.
        CREATE INDEX housing_timeline ON record(
            person_id,
            json_extract(data, '$.valid_from'),
            json_extract(data, '$.category'),
            json_extract(data, '$.expected_date'),
            json_extract(data, '$.ready_to_move'),
            json_extract(data, '$.place'),
            id
        ) WHERE entity = 'housing_status' AND deleted = 0 AND person_id IS NOT NULL;
        CREATE INDEX person_facts ON record(
            team_id,
            json_extract(data, '$.alias'),
            json_extract(data, '$.birth_date'),
            json_extract(data, '$.cpr'),
            json_extract(data, '$.birth_year'),
            json_extract(data, '$.approx_age'),
            json_extract(data, '$.formerly_in_care'),
            json_extract(data, '$.aftercare_ends_on'),
            json_extract(data, '$.places'),
            id
        ) WHERE entity = 'person' AND deleted = 0;
        """,
    ),
    Migration(
        7,
        "covering indexes for the radar's transitions, offers, evictions and places",
        """
        -- The radar reads every person's transitions, offers and eviction cases, and the
        -- cold-weather checklist where people were met lately; as with migration 6, these
        -- hold the fields storage/analytics.py selects, so the table is not read. Transitions
        -- and encounters are keyed by date: the radar asks only for a window of them.
        CREATE INDEX transition_by_date ON record(
            json_extract(data, '$.on'),
            person_id,
            json_extract(data, '$.kind'),
            json_extract(data, '$.done'),
            json_extract(data, '$.housing_plan'),
            id
        ) WHERE entity = 'transition' AND deleted = 0 AND person_id IS NOT NULL;
        CREATE INDEX housing_offer_dates ON record(
            person_id,
            json_extract(data, '$.status'),
            json_extract(data, '$.move_in_on'),
            json_extract(data, '$.lease_ends_on'),
            id
        ) WHERE entity = 'housing_offer' AND deleted = 0 AND person_id IS NOT NULL;
        CREATE INDEX eviction_case_dates ON record(
            json_extract(data, '$.status'),
            person_id,
            json_extract(data, '$.court_date'),
            json_extract(data, '$.bailiff_date'),
            json_extract(data, '$.actions'),
            id
        ) WHERE entity = 'eviction_case' AND deleted = 0 AND person_id IS NOT NULL;
        CREATE INDEX encounter_place_by_time ON record(
            json_extract(data, '$.occurred_at'),
            person_id,
            json_extract(data, '$.place')
        ) WHERE entity = 'encounter' AND deleted = 0 AND person_id IS NOT NULL;
        """,
    ),
    Migration(
        8,
        "indexes for today's open follow-ups and unsent changes",
        """
        -- Today lists the open follow-ups due by today; done ones pile up over the years and
        -- must not be read to find the few that are not.
        CREATE INDEX open_follow_up_by_due ON record(json_extract(data, '$.due_on'))
            WHERE entity = 'follow_up' AND deleted = 0
            AND json_extract(data, '$.done_on') IS NULL;
        -- Today counts the worker's unsent changes without the audit events beside them.
        CREATE INDEX outbox_by_entity ON outbox(entity, created_at);
        """,
    ),
    Migration(
        9,
        "one index of encounters by time",
        """
        -- encounter_by_time (migration 3) and encounter_place_by_time (migration 7) were two
        -- indexes of the same encounters by the same key. Every encounter written, 70 % of
        -- what a first sync brings, went into both, in no order of time: a first sync of
        -- 290,000 records wrote 28 % faster without the first. One index now serves all:
        -- known and anonymous encounters not deleted, with the person and place it covers.
        DROP INDEX encounter_by_time;
        DROP INDEX encounter_place_by_time;
        CREATE INDEX encounter_place_by_time ON record(
            json_extract(data, '$.occurred_at'),
            person_id,
            json_extract(data, '$.place')
        ) WHERE entity = 'encounter' AND deleted = 0;
        """,
    ),
    Migration(
        10,
        "the people list from the index of person facts",
        """
        -- The people list read every person's whole record and decoded its JSON for eight
        -- fields: 0.5 of the 0.86 s its directory took for 20,000 persons. person_facts
        -- now holds the two it lacked (name, contact person), so the list reads the index
        -- alone; storage/queries.py:directory_persons selects exactly these expressions.
        DROP INDEX person_facts;
        CREATE INDEX person_facts ON record(
            team_id,
            json_extract(data, '$.alias'),
            json_extract(data, '$.birth_date'),
            json_extract(data, '$.cpr'),
            json_extract(data, '$.birth_year'),
            json_extract(data, '$.approx_age'),
            json_extract(data, '$.formerly_in_care'),
            json_extract(data, '$.aftercare_ends_on'),
            json_extract(data, '$.places'),
            json_extract(data, '$.name'),
            json_extract(data, '$.contact_worker_id'),
            id
        ) WHERE entity = 'person' AND deleted = 0;
        """,
    ),
    Migration(
        11,
        "Today counts the worker's open follow-ups from the index",
        """
        -- Today shows the 200 most recently due of a worker's open follow-ups and says how
        -- many more there are. Whose a follow-up is was only in the record, so the count read
        -- every open follow-up due (5,876 of them on the benchmark store: 73 ms after
        -- unlocking); with the assignee in the index it reads the index alone (1 ms).
        DROP INDEX open_follow_up_by_due;
        CREATE INDEX open_follow_up_by_due ON record(
            json_extract(data, '$.due_on'),
            json_extract(data, '$.assigned_worker_id')
        ) WHERE entity = 'follow_up' AND deleted = 0
            AND json_extract(data, '$.done_on') IS NULL;
        """,
    ),
)

LATEST = MIGRATIONS[-1].version
