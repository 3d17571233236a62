-- Wrapped per-member data keys for envelope encryption. A data key never appears here in the
-- clear: each row is one wrap of it (by the organization's key-encryption key, by a key derived
-- from the member's password, or by a recovery code). Deleting a member's rows crypto-shreds
-- everything sealed for them.
create table member_data_keys (
    key_id          uuid        not null,
    member_id       uuid        not null,
    organization_id uuid        not null,
    wrap_kind       text        not null check (wrap_kind in ('ORG_KEK', 'PASSWORD', 'RECOVERY')),
    -- The organization KEK version that wrapped the key (ORG_KEK wraps only).
    kek_version     integer,
    -- Derivation parameters and salt of a secret-derived wrap (PASSWORD and RECOVERY wraps only).
    wrap_params     text,
    -- nonce (12 bytes) followed by the AES-GCM ciphertext and tag of the 32-byte data key.
    wrapped_key     bytea       not null,
    created_at      timestamptz not null,
    primary key (key_id, wrap_kind),
    check ((wrap_kind = 'ORG_KEK') = (kek_version is not null)),
    check ((wrap_kind = 'ORG_KEK') = (wrap_params is null))
);

-- One data key per member for now; a later data-key rotation would relax this.
create unique index member_data_keys_member on member_data_keys (member_id, wrap_kind);

create index member_data_keys_rewrap on member_data_keys (organization_id, kek_version)
    where wrap_kind = 'ORG_KEK';
