-- 0014: finding a child with the same names and date of birth before another is added (the
-- window asks first, rather than doubling a child), without reading every child.

CREATE INDEX child_by_date_of_birth ON child (date_of_birth);
