-- Care team: availability, appointments, reminders' anchor rows, session notes, treatment plans.
-- btree_gist lets an exclusion constraint mix equality on a uuid with overlap on a range.
create extension if not exists btree_gist;

create table care_availability (
    clinician_id    uuid primary key,
    organization_id uuid not null,
    time_zone       text not null,
    slot_minutes    int not null check (slot_minutes between 10 and 240),
    weekly_rules    jsonb not null,
    exceptions      jsonb not null,
    updated_at      timestamptz not null
);

create table care_appointment (
    id              uuid primary key,
    organization_id uuid not null,
    clinician_id    uuid not null,
    member_id       uuid not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    status          text not null check (status in ('BOOKED', 'CANCELLED')),
    video_url       text not null,
    ical_uid        text not null unique,
    sequence        int not null default 0,
    booked_by       uuid not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    cancelled_at    timestamptz,
    cancelled_by    uuid,
    check (ends_at > starts_at),
    -- The database itself refuses a second booked appointment overlapping the clinician's time,
    -- so two racing requests cannot both win; cancelled rows no longer hold the time.
    constraint care_appointment_clinician_overlap
        exclude using gist (clinician_id with =, tstzrange(starts_at, ends_at, '[)') with &&)
        where (status = 'BOOKED'),
    constraint care_appointment_member_overlap
        exclude using gist (member_id with =, tstzrange(starts_at, ends_at, '[)') with &&)
        where (status = 'BOOKED')
);
create index care_appointment_member on care_appointment (member_id, starts_at);

-- Who is on a clinician's caseload: members who consented to them or booked with them.
create table care_caseload (
    clinician_id    uuid not null,
    member_id       uuid not null,
    organization_id uuid not null,
    since           timestamptz not null,
    primary key (clinician_id, member_id)
);

create table care_session_note (
    id              uuid primary key,
    appointment_id  uuid not null references care_appointment (id),
    organization_id uuid not null,
    clinician_id    uuid not null,
    member_id       uuid not null,
    template        text not null,
    sealed_body     bytea not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    signed_at       timestamptz,
    signed_by       uuid
);
create index care_session_note_appointment on care_session_note (appointment_id);

-- A signed note is a record: no update or delete reaches it, whatever the application does.
create function care_session_note_immutable() returns trigger language plpgsql as $$
begin
    if old.signed_at is not null then
        raise exception 'signed session note % is immutable', old.id using errcode = 'P0001';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end;
$$;
create trigger care_session_note_immutable before update or delete on care_session_note
    for each row execute function care_session_note_immutable();

create table care_note_addendum (
    id          uuid primary key,
    note_id     uuid not null references care_session_note (id),
    author_id   uuid not null,
    sealed_body bytea not null,
    created_at  timestamptz not null
);
create index care_note_addendum_note on care_note_addendum (note_id, created_at);

create table care_treatment_plan (
    id              uuid primary key,
    organization_id uuid not null,
    clinician_id    uuid not null,
    member_id       uuid not null,
    status          text not null check (status in ('DRAFT', 'ACTIVE', 'COMPLETED', 'DISCONTINUED')),
    sealed_body     bytea not null,
    version         int not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index care_treatment_plan_member on care_treatment_plan (member_id, updated_at desc);
