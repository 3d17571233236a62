-- The journal: conversation threads and their turns, free entries and mood check-ins. Every text
-- a member typed (and every reply written for them) is a sealed bytea (platform DataProtection,
-- AES-256-GCM under the member's data key, bound to its table, column and row). Everything else
-- here is a derived signal without text: phase, kind, risk level, emotions, mood.

create table journal_threads (
    id               uuid primary key,
    member_id        uuid        not null,
    organization_id  uuid        not null,
    title            bytea,
    phase            text        not null,
    safety_mode      boolean     not null default false,
    turn_count       integer     not null default 0,
    created_at       timestamptz not null,
    last_activity_at timestamptz not null
);

create index journal_threads_member_idx on journal_threads (member_id, last_activity_at desc);

create table journal_turns (
    id               uuid primary key,
    thread_id        uuid        not null references journal_threads (id) on delete cascade,
    member_id        uuid        not null,
    organization_id  uuid        not null,
    seq              integer     not null,
    author           text        not null check (author in ('MEMBER', 'COMPANION')),
    body             bytea       not null,
    -- Companion turns: what kind of reply, in which phase, why, and which exercise it offered.
    kind             text        check (kind in ('COMPANION', 'SAFETY', 'CRISIS')),
    phase            text,
    transition       text,
    exercise_id      text,
    -- Member turns: the screen's level and categories, and what the language heads found.
    risk_level       text        check (risk_level in ('NONE', 'LOW', 'MODERATE', 'HIGH', 'IMMINENT')),
    risk_categories  text[],
    emotion          text,
    sentiment        text,
    intent           text,
    distortions      text[],
    incident_id      uuid,
    created_at       timestamptz not null,
    unique (thread_id, seq),
    check ((author = 'COMPANION') = (kind is not null))
);

create index journal_turns_member_idx on journal_turns (member_id, created_at);

create table journal_entries (
    id               uuid primary key,
    member_id        uuid        not null,
    organization_id  uuid        not null,
    body             bytea       not null,
    -- The tags a member typed are text too: sealed as one JSON array.
    tags             bytea,
    mood             smallint    check (mood between 1 and 10),
    risk_level       text        not null check (risk_level in ('NONE', 'LOW', 'MODERATE', 'HIGH', 'IMMINENT')),
    risk_categories  text[]      not null default '{}',
    incident_id      uuid,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

create index journal_entries_member_idx on journal_entries (member_id, created_at desc);

create table journal_checkins (
    id               uuid primary key,
    member_id        uuid        not null,
    organization_id  uuid        not null,
    mood             smallint    not null check (mood between 1 and 10),
    energy           smallint    check (energy between 1 and 10),
    sleep_hours      numeric(4, 2) check (sleep_hours between 0 and 24),
    note             bytea,
    risk_level       text        check (risk_level in ('NONE', 'LOW', 'MODERATE', 'HIGH', 'IMMINENT')),
    incident_id      uuid,
    created_at       timestamptz not null
);

create index journal_checkins_member_idx on journal_checkins (member_id, created_at desc);
