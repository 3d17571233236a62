-- A version per thread state, raised on every save, so two nodes answering the same thread at once
-- cannot overwrite each other's state: the later save sees the version moved and plans again.
alter table companion_thread_states add column version bigint not null default 0;
