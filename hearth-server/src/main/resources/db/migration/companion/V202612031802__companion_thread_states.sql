-- What the phase policy remembers about each thread between turns (companion ThreadState) and the
-- reply variants already used there. Derived signals and library ids only: no text.
create table companion_thread_states (
    thread_id     uuid primary key,
    member_id     uuid        not null,
    state         jsonb       not null,
    used_variants text[]      not null default '{}',
    updated_at    timestamptz not null
);

create index companion_thread_states_member_idx on companion_thread_states (member_id);
