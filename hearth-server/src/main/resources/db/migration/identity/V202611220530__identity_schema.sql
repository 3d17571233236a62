-- Identity: organizations, people and their memberships, sign-in secrets and consent grants.
-- Tokens, API keys and recovery codes are stored only as SHA-256 hashes of high-entropy values.

create table identity_organizations (
    id         uuid primary key,
    slug       text        not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name       text        not null,
    created_at timestamptz not null
);

-- The organization every instance starts with; registration without an organization lands here.
insert into identity_organizations (id, slug, name, created_at)
values (gen_random_uuid(), 'default', 'Default organization', now());

create table identity_users (
    id            uuid primary key,
    email         text        not null,
    password_hash text        not null,
    display_name  text        not null,
    locale        text        not null,
    time_zone     text        not null,
    created_at    timestamptz not null
);

-- Emails are unique regardless of case: Alice@x and alice@x are the same person.
create unique index identity_users_email_idx on identity_users (lower(email));

-- One organization per person in this version; the primary key keeps it that way.
create table identity_memberships (
    user_id         uuid primary key references identity_users (id) on delete cascade,
    organization_id uuid        not null references identity_organizations (id),
    roles           text[]      not null check (cardinality(roles) > 0),
    created_at      timestamptz not null
);

create index identity_memberships_org_idx on identity_memberships (organization_id, created_at);

-- A family is one sign-in: every refresh token rotated from it, and their access tokens.
create table identity_token_families (
    id         uuid primary key,
    user_id    uuid        not null references identity_users (id) on delete cascade,
    created_at timestamptz not null,
    revoked_at timestamptz,
    revoked_because text
);

create table identity_refresh_tokens (
    token_hash bytea primary key,
    family_id  uuid        not null references identity_token_families (id) on delete cascade,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    rotated_at timestamptz
);

create table identity_access_tokens (
    token_hash bytea primary key,
    family_id  uuid        not null references identity_token_families (id) on delete cascade,
    expires_at timestamptz not null
);

create index identity_access_tokens_expiry_idx on identity_access_tokens (expires_at);
create index identity_refresh_tokens_expiry_idx on identity_refresh_tokens (expires_at);

create table identity_totp (
    user_id      uuid primary key references identity_users (id) on delete cascade,
    secret       text        not null,
    confirmed_at timestamptz,
    last_step    bigint      not null default 0,
    created_at   timestamptz not null
);

create table identity_recovery_codes (
    code_hash bytea primary key,
    user_id   uuid        not null references identity_users (id) on delete cascade,
    used_at   timestamptz
);

create index identity_recovery_codes_user_idx on identity_recovery_codes (user_id);

create table identity_api_keys (
    id              uuid primary key,
    organization_id uuid        not null references identity_organizations (id),
    name            text        not null,
    key_hash        bytea       not null unique,
    created_by      uuid,
    created_at      timestamptz not null,
    revoked_at      timestamptz
);

create index identity_api_keys_org_idx on identity_api_keys (organization_id, created_at);

create table identity_consents (
    id              uuid primary key,
    organization_id uuid        not null references identity_organizations (id),
    member_id       uuid        not null references identity_users (id) on delete cascade,
    grantee_id      uuid        not null references identity_users (id) on delete cascade,
    scopes          text[]      not null check (cardinality(scopes) > 0),
    granted_at      timestamptz not null,
    revoked_at      timestamptz
);

create index identity_consents_lookup_idx on identity_consents (member_id, grantee_id) where revoked_at is null;
