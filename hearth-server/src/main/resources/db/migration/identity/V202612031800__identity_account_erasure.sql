-- An erased account keeps its row (ids stay valid for incidents and the audit log) but loses its
-- email, name and password, and can no longer sign in or use a token.
alter table identity_users add column erased_at timestamptz;
