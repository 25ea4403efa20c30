-- Owner: resident. Reconciliation of the register held here with a periodic full extract of the 住民記録システム:
-- the extract arrives as a feed file for comparison, and every difference waits for staff to apply or explain it.
alter table resident_feed_file add column purpose varchar(10) not null default 'IMPORT'
  check (purpose in ('IMPORT', 'RECONCILE'));
alter table resident_feed_file drop constraint resident_feed_file_status_check;
alter table resident_feed_file add constraint resident_feed_file_status_check
  check (status in ('CHECKING', 'REVIEW', 'APPLIED', 'REFUSED', 'COMPARING', 'RESOLVING', 'RECONCILED'));

create table reconciliation_difference (
  file_id          bigint not null references resident_feed_file (id),
  seq              integer not null,
  kind             varchar(8) not null check (kind in ('MISSING', 'EXTRA', 'CHANGED')),
  addressee_number varchar(10) not null,
  -- The extract's line (MISSING, CHANGED); none for a resident the extract does not hold (EXTRA).
  line             integer,
  changed_items    varchar(40)[] not null default '{}',
  resolution       varchar(10) check (resolution in ('APPLIED', 'EXPLAINED')),
  note             varchar(1000),
  resolved_by      varchar(64),
  resolved_at      timestamptz,
  primary key (file_id, seq),
  check ((resolution is null) = (resolved_by is null))
);
create index reconciliation_difference_open on reconciliation_difference (file_id) where resolution is null;
