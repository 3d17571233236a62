-- Incidents for responders. No member text is ever stored here: signals are the screen's rule codes
-- and the team's explanations; the resolution note is written by staff.
create table safety_incident (
    id               uuid primary key,
    organization_id  uuid        not null,
    member_id        uuid        not null,
    level            text        not null check (level in ('MODERATE', 'HIGH', 'IMMINENT')),
    categories       text[]      not null default '{}',
    source           text        not null check (source in ('MESSAGE', 'JOURNAL', 'ASSESSMENT', 'WEARABLE')),
    source_id        uuid,
    thread_id        uuid,
    signals          jsonb       not null default '[]'::jsonb,
    text_version     text        not null,
    status           text        not null default 'OPEN' check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    opened_at        timestamptz not null,
    deadline         timestamptz not null,
    escalation_tier  int         not null default 1 check (escalation_tier >= 1),
    no_responder     boolean     not null default false,
    acknowledged_at  timestamptz,
    acknowledged_by  uuid,
    resolved_at      timestamptz,
    resolved_by      uuid,
    outcome          text check (outcome in ('CONTACTED_SAFE', 'EMERGENCY_SERVICES', 'REFERRED', 'NO_CONTACT', 'FALSE_ALARM')),
    resolution_note  text,
    check ((status = 'RESOLVED') = (outcome is not null))
);

-- The responder queue: active incidents of one organization, most urgent first.
create index safety_incident_queue_idx on safety_incident (organization_id, status, deadline);
create index safety_incident_member_idx on safety_incident (member_id, status);

-- Every missed deadline, for the review of how an incident was handled.
create table safety_escalation (
    incident_id  uuid        not null references safety_incident (id),
    tier         int         not null,
    escalated_at timestamptz not null,
    next_deadline timestamptz not null,
    primary key (incident_id, tier)
);

-- Safety mode is kept per conversation thread: once a thread reached MODERATE or above, it stays.
create table safety_thread_mode (
    thread_id       uuid primary key,
    member_id       uuid        not null,
    organization_id uuid        not null,
    level           text        not null,
    entered_at      timestamptz not null
);
