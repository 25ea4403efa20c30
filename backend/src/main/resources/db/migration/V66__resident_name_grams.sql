-- Name part search (issue 19). pg_trgm sees no letters in kana or kanji under the cluster's C locale (see V1), so the
-- index is over the name's own one- and two-character grams, which need no locale: search_text ("kanji kana", no
-- spaces within a half) is cut into its words, and each word into every character and every pair of neighbours. A
-- text of two characters or more is then found through the pairs it contains (its one-character grams would only
-- widen the candidates), a single character through itself; the LIKE beside it stays the exact test.
-- The functions are immutable, so the index follows search_text through every write path by itself.
-- A loop rather than a set query: four times faster, which a bulk load of 200,000 residents feels. Duplicates stay
-- in the array; the index keeps each gram once per resident.
create function resident_name_grams(search_text text) returns text[]
  language plpgsql immutable strict parallel safe as $$
declare
  grams text[] := '{}';
  word text;
  i integer;
begin
  foreach word in array string_to_array(search_text, ' ') loop
    for i in 1 .. char_length(word) loop
      grams := grams || substr(word, i, 1);
      if i < char_length(word) then
        grams := grams || substr(word, i, 2);
      end if;
    end loop;
  end loop;
  return grams;
end
$$;

create function resident_name_query_grams(part text) returns text[]
  language sql immutable strict parallel safe as $$
  select case when char_length(part) < 2 then array[part]
    else array(select distinct substr(part, i, 2) from generate_series(1, char_length(part) - 1) i) end
$$;

-- Inlined by the planner into the containment test, which the index below answers.
create function resident_name_may_contain(search_text text, part text) returns boolean
  language sql immutable parallel safe as $$
  select resident_name_grams(search_text) @> resident_name_query_grams(part)
$$;

create index resident_name_grams on resident using gin (resident_name_grams(search_text));
