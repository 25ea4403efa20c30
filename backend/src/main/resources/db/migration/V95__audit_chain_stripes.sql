-- The audit trail's hash chain in stripes (issue 19): every entry belongs to one of a few chains, each with its own lock
-- and head, so that audited transactions no longer commit one after another's WAL flush (DESIGN, README R04).
-- The entries written so far form stripe 0, whose genesis is the chain's genesis of before: they verify unchanged.
alter table audit_event add column stripe smallint not null default 0 check (stripe >= 0);
-- Every writer names its stripe.
alter table audit_event alter column stripe drop default;
-- A stripe's head, read under its lock, and the checkpoints' walk over the stripes.
create index audit_event_stripe_head on audit_event (stripe, id);
