-- Owner: resident (the column), infonetwork (network_code). 統合宛名番号: the city's number that links the affair's
-- 宛名番号 to 個人番号 and to the 符号 of the network. The feed carries it for registered residents; everyone else the
-- city holds (住登外者, residents loaded before the feed) is numbered here as the 統合宛名システム numbers people it
-- is told of, from a range (9…) apart from the register's.
create sequence integrated_addressee_seq;
create function next_integrated_addressee_number() returns varchar language sql as $$
  select '9' || lpad(nextval('integrated_addressee_seq')::text, 14, '0')
$$;
update resident set integrated_addressee_number = next_integrated_addressee_number()
  where integrated_addressee_number is null;
alter table resident alter column integrated_addressee_number set default next_integrated_addressee_number();
alter table resident alter column integrated_addressee_number set not null;

-- The 符号 is obtained for a 統合宛名番号, never for a 個人番号 or by joining on one (R24).
alter table network_code add column integrated_addressee_number varchar(15) unique;
update network_code n set integrated_addressee_number = r.integrated_addressee_number
  from resident r where r.id = n.resident_id;
