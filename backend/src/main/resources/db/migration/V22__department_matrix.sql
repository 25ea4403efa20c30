-- The department dimension of the permission matrix (R06, R12): whether a department does this office's affair
-- (予防接種法に関する事務), and which functions of their own (Permission) its members may be granted. An account's
-- case-work roles count only in a department of the affair; its permissions only where its department allows them.
alter table department add column affair boolean not null default true;
alter table department add column version integer not null default 0;

create table department_permission (
  department_code varchar(32) not null references department (code),
  permission      varchar(32) not null check (permission in ('EXPORT', 'PRINT', 'REVEAL_MY_NUMBER')),
  primary key (department_code, permission)
);

-- Departments that existed before keep what their members could do; the information-systems department
-- (administrators and auditors) does not do the affair.
update department set affair = false where code = 'system';
insert into department_permission (department_code, permission)
select d.code, p.permission
from department d cross join (values ('EXPORT'), ('PRINT'), ('REVEAL_MY_NUMBER')) p (permission)
where d.code <> 'system';
