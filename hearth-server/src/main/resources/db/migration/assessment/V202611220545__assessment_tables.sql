-- Completed assessments. Answers are small integers (null where the instrument skipped an item);
-- scores and bands are stored as computed at the time, with the definition version that computed them.
create table assessment_response (
    id                 uuid        primary key,
    member_id          uuid        not null,
    organization_id    uuid        not null,
    instrument_id      text        not null,
    instrument_version text        not null,
    answers            jsonb       not null,
    sex                text        check (sex in ('male', 'female')),
    score              int         not null,
    severity           text        not null,
    subscales          jsonb       not null default '{}'::jsonb,
    flags              jsonb       not null default '[]'::jsonb,
    risk_level         text        not null,
    incident_id        uuid,
    completed_at       timestamptz not null
);

create index assessment_response_member_idx on assessment_response (member_id, instrument_id, completed_at);

-- A cadence for one member and instrument; reminders fall at local_time in the member's time zone.
create table assessment_schedule (
    id              uuid        primary key,
    member_id       uuid        not null,
    organization_id uuid        not null,
    instrument_id   text        not null,
    every_days      int         not null check (every_days between 1 and 365),
    local_time      time        not null,
    time_zone       text        not null,
    created_by      uuid        not null,
    created_at      timestamptz not null,
    next_due_at     timestamptz not null,
    active          boolean     not null default true
);

create unique index assessment_schedule_active_idx on assessment_schedule (member_id, instrument_id) where active;

-- Reminders that came due; completed when the member next takes the instrument.
create table assessment_due (
    id           uuid        primary key,
    schedule_id  uuid        not null references assessment_schedule (id),
    member_id    uuid        not null,
    instrument_id text       not null,
    due_at       timestamptz not null,
    response_id  uuid,
    unique (schedule_id, due_at)
);

create index assessment_due_open_idx on assessment_due (member_id, due_at) where response_id is null;
