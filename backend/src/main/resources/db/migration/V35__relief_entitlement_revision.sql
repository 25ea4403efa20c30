-- Owner: relief. A revision of a paying claim's entitlement is proposed by one person and takes effect only when a
-- supervisor who neither proposed it nor worked on the claim approves it (issue 15, DESIGN rule 2).
create table relief_entitlement_revision (
  id                   bigserial primary key,
  claim_id             bigint not null references relief_claim (id),
  claim_version        integer not null,
  periodic_amount_yen  integer not null check (periodic_amount_yen >= 0),
  entitlement_ends_on  date,
  reason               varchar(500) not null,
  proposed_by          varchar(64) not null,
  proposed_at          timestamptz not null,
  status               varchar(16) not null default 'PROPOSED' check (status in ('PROPOSED', 'APPROVED', 'REJECTED')),
  decided_by           varchar(64),
  decided_at           timestamptz,
  decision_reason      varchar(500)
);

-- One open proposal per claim: a second one waits until the first is decided.
create unique index relief_entitlement_revision_open on relief_entitlement_revision (claim_id) where status = 'PROPOSED';
create index relief_entitlement_revision_claim on relief_entitlement_revision (claim_id, decided_at);
