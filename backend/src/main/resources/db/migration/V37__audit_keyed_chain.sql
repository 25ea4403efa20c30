-- Owner: audit. Entries from now on are linked by an HMAC under a key from configuration (never in the database);
-- those written before carry a plain SHA-256 and keyed = false. Adding a column changes no stored entry.
alter table audit_event add column keyed boolean not null default false;
