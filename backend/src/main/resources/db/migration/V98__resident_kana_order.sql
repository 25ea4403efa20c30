-- Name part search (issue 19): a part as common as ヤマ matches tens of thousands of residents, and sorting them all
-- for a page of 20 cost more than the rest of the search. The kana half of search_text in code point order, with
-- search_text itself to test a part without reading the table, lets the first pages be read in order instead
-- (KanaOrderWalk): the names starting with the part are a range of it, the others lie within its first few
-- thousand entries. The second index finds the names whose kanji half starts with the part.
create index resident_kana_order on resident ((split_part(search_text, ' ', 2) collate "C"), id) include (search_text);
create index resident_name_prefix on resident ((search_text collate "C"));
