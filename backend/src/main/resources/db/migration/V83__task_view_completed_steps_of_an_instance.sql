-- The completed steps of one case: four-eyes (who did which step), the previous holder of a step sent back, and the
-- case's history. Their queries filter by process instance and status; the only other partial index on completed
-- steps (task_view_completed_by) led by the user, and with statistics taken while few steps were completed (a new
-- installation, or the benchmark after starting its open tasks) the planner scanned all of it for every such query:
-- 0.6-1.0 ms at 3,000 completed steps and growing with each (EXPLAIN ANALYZE, issue 19), 0.05 ms with this index.
create index task_view_completed_instance on task_view (process_instance_id, task_key) where status = 'COMPLETED';
