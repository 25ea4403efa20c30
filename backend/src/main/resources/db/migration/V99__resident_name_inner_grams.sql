-- Name part search (issue 19): a part found inside names (マダ in ヤマダ and シマダ, 5,000 of 200,000 residents) came
-- after the names it starts and was sorted by kana whole, every match read from the heap for a page of 20: 8 ms, half
-- of the kana searches' database time. The kana order cannot be walked for it instead: ヤマダ sorts far from the start,
-- and 48,000 residents were passed before the first match. This table holds every pair of neighbouring characters that
-- does not start a word of search_text, with the resident's kana half in code point order, so the residents with a
-- part inside a name are an index range already in the search's order (ResidentSearch.innerMatches), and a count of
-- them up to the search's limit reads the index alone (ResidentSearch.hasMoreThanCountedInAnIndex).
-- About 6 rows a resident: 1.2 M rows and 145 MB with its key at 200,000 residents; each insert of a resident writes
-- them, a name change rewrites them, other changes of the resident do not touch them.
-- A set query, not V66's loop: the loop is faster in bulk, but here it would be a second copy of that function for
-- 6 us a resident, a tenth of what the trigger below takes to write the rows.
create function resident_name_inner_grams(search_text text) returns text[]
  language sql immutable strict parallel safe as $$
  select array(select distinct substr(word, i, 2) from unnest(string_to_array(search_text, ' ')) word,
               generate_series(2, char_length(word) - 1) i)
$$;

create table resident_name_inner_gram (
  gram        text collate "C" not null,
  -- split_part(search_text, ' ', 2) of the resident: the search's order after the names that start with the part.
  kana        text collate "C" not null,
  resident_id bigint not null,
  primary key (gram, kana, resident_id)
);

create function resident_name_inner_grams_follow() returns trigger
  language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    -- Through the primary key: each of the old grams with the old kana.
    delete from resident_name_inner_gram
     where gram = any(resident_name_inner_grams(old.search_text))
       and kana = split_part(old.search_text, ' ', 2) and resident_id = old.id;
  end if;
  if tg_op <> 'DELETE' then
    insert into resident_name_inner_gram (gram, kana, resident_id)
    select gram, split_part(new.search_text, ' ', 2), new.id from unnest(resident_name_inner_grams(new.search_text)) gram;
  end if;
  return null;
end
$$;

create trigger resident_name_inner_grams_insert after insert on resident
  for each row execute function resident_name_inner_grams_follow();
create trigger resident_name_inner_grams_update after update of search_text on resident
  for each row when (old.search_text is distinct from new.search_text)
  execute function resident_name_inner_grams_follow();
create trigger resident_name_inner_grams_delete after delete on resident
  for each row execute function resident_name_inner_grams_follow();

insert into resident_name_inner_gram (gram, kana, resident_id)
select gram, split_part(search_text, ' ', 2), id from resident, unnest(resident_name_inner_grams(search_text)) gram;

-- The names whose kana starts with a part are counted up to the search's limit from V98's kana-order index, which can
-- answer that alone only when it holds search_text, which its expression is computed from: without it every counted
-- name was a heap row (ヤマ: 1,001 rows in 2.3 ms; through this index 0.2 ms).
drop index resident_kana_order;
create index resident_kana_order on resident ((split_part(search_text, ' ', 2) collate "C"), id) include (search_text);
