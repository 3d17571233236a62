-- Notifications for staff and members. Titles and bodies are written by the team (never member
-- text); a notification is shown in the app when in_app is set.
create table notification (
    id           uuid primary key,
    recipient_id uuid        not null,
    kind         text        not null,
    title        text        not null,
    body         text        not null,
    link         text,
    priority     text        not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'CRITICAL')),
    in_app       boolean     not null,
    email        boolean     not null,
    created_at   timestamptz not null,
    read_at      timestamptz
);

create index notification_inbox_idx on notification (recipient_id, created_at desc) where in_app;

-- One line per delivery attempt (and per deferral), so an admin can see what reached whom.
create table notification_delivery_log (
    id              bigserial primary key,
    notification_id uuid        not null references notification (id),
    channel         text        not null,
    attempt         int         not null,
    outcome         text        not null check (outcome in ('SENT', 'OUTBOX', 'DEFERRED', 'FAILED', 'GAVE_UP', 'SKIPPED')),
    detail          text,
    at              timestamptz not null
);

create index notification_delivery_log_idx on notification_delivery_log (notification_id, id);

-- Emails kept here instead of sent when no SMTP server is configured (the embedded default).
create table email_outbox (
    id              uuid primary key,
    notification_id uuid        not null references notification (id),
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    created_at      timestamptz not null
);

-- Per-person quiet hours, in the person's own time zone; no row means none.
create table notify_quiet_hours (
    user_id    uuid primary key,
    starts_at  time not null,
    ends_at    time not null,
    time_zone  text not null
);
