-- Name part search (issue 19): a part as common as ヤマ matches tens of thousands of residents, and sorting them all
-- for a page of 20 cost more than the rest of the search. Names that start with the part come first, and in the kana
-- half of search_text, in code point order, they are a range: the first pages of such a part are read from this
-- index in order instead (ResidentSearch.prefixMatches). The second index finds the names whose kanji half starts
-- with the part.
create index resident_kana_order on resident ((split_part(search_text, ' ', 2) collate "C"), id);
create index resident_name_prefix on resident ((search_text collate "C"));
