-- Which resident a step concerns (from the process variable residentId, an id only), for the resident's case page.
alter table task_view add column resident_id bigint;
create index task_view_open_resident on task_view (resident_id) where status = 'OPEN' and resident_id is not null;
