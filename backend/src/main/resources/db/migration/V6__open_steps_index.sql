-- The approval queue lists open steps of given kinds (ApproveQuery, ApproveProvision, ...). Without this the
-- benchmark's page read every open group task (15,600 rows at 5,000 pending approvals) and sorted them.
create index task_view_open_step on task_view (task_key, created_at, id) where status = 'OPEN';
