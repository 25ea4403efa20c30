-- Issue 19. The plans of task_view's queries depend on how many steps are open and how many completed, and PostgreSQL's
-- default re-analyses a table only after a tenth of its rows changed: after a campaign's worth of steps was started at
-- once (or on a new installation) the statistics said "no step is completed" until 10,000 completions later, and
-- every partial index on completed steps looked empty. The queries for the steps of given instances no longer name
-- the status (TaskInbox.completedSteps), but the lists and counts by status do: re-analyse after 1,000 changed rows
-- plus 1 % of the table (2,000 at 100,000 rows, under 1,000 completions as each changes its row two or three times;
-- 31,000 at 3,000,000 rows), a sample of 30,000 rows each time.
alter table task_view set (autovacuum_analyze_threshold = 1000, autovacuum_analyze_scale_factor = 0.01);

-- V83's partial index was a fix at the wrong depth: the planner chose it over the completed-steps index leading by the
-- user or the end time only while it looked the smallest of three "empty" indexes (EXPLAIN at 4,300 completed steps
-- under the benchmark's statistics: a full scan of task_view_ended_at, 4,565 buffers, 3-10 ms). The queries by
-- instance now use task_view_instance (V1) whatever the statistics; this index only cost an entry per completion.
drop index task_view_completed_instance;
