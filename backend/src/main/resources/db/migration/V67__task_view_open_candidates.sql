-- The "all" tab and its counts (issue 19): open steps that are mine, or my groups' or offered to me whether claimed or
-- not. task_view_open_groups covers unclaimed steps only, so the OR of the three could not use it and counted by
-- scanning every open step (100,000 at city scale). With one index per arm the three are a BitmapOr; the list tests
-- candidate_users with @> (indexable) instead of = any().
create index task_view_open_candidate_groups on task_view using gin (candidate_groups) where status = 'OPEN';
create index task_view_open_candidate_users on task_view using gin (candidate_users) where status = 'OPEN';
