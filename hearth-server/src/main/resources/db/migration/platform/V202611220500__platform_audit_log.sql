-- Append-only audit log with a hash chain (see JdbcAuditLog). Updates and deletes are refused by
-- a trigger; the chain makes any change made around the trigger detectable.
create table audit_log (
    seq             bigserial primary key,
    id              uuid        not null unique,
    recorded_at     timestamptz not null,
    actor_id        uuid,
    organization_id uuid,
    action          text        not null,
    target          text,
    outcome         text        not null check (outcome in ('SUCCESS', 'DENIED', 'FAILURE')),
    source_address  text,
    attributes      jsonb       not null default '{}'::jsonb,
    prev_hash       bytea       not null,
    hash            bytea       not null
);

create index audit_log_organization_idx on audit_log (organization_id, recorded_at desc);
create index audit_log_actor_idx on audit_log (actor_id, recorded_at desc);

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;

create trigger audit_log_append_only
    before update or delete on audit_log
    for each row execute function audit_log_refuse_change();

create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_refuse_change();
