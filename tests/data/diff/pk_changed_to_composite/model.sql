-- primary key changed: (id) -> (student_id, course_id); columns otherwise the same
-- (one primary key change expected)
CREATE TABLE enrollment (
    id         INTEGER,
    student_id INTEGER NOT NULL,
    course_id  INTEGER NOT NULL,
    PRIMARY KEY (student_id, course_id)
);
