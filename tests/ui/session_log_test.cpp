// The session log's progress lines: counts read as English ("1 statement", "2 rows").
#include "session/session_log.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace Qt::Literals::StringLiterals;

namespace {

migration::ProgressEvent started(int statements)
{
    migration::ProgressEvent e;
    e.version = u"0001"_s;
    e.name = u"price"_s;
    e.statements = statements;
    return e;
}

migration::ProgressEvent done(qint64 rows)
{
    migration::ProgressEvent e = started(1);
    e.kind = migration::ProgressEvent::Kind::StatementDone;
    e.statement = 1;
    e.outcome.rowsAffected = rows;
    e.outcome.elapsedUs = 1500;
    e.sql = u"UPDATE book\n  SET price = 0"_s;
    return e;
}

TEST(SessionLog, a_migration_starting_counts_its_statements)
{
    EXPECT_EQ(ui::progressLine(started(1), false), u"Applying 0001_price (1 statement)"_s);
    EXPECT_EQ(ui::progressLine(started(3), true),
              u"[dry run] Applying 0001_price (3 statements)"_s);
}

TEST(SessionLog, a_stage_of_the_apply_reads_as_a_sentence_in_progress)
{
    migration::ProgressEvent e;
    e.kind = migration::ProgressEvent::Kind::Stage;
    e.message = u"backing up the database"_s;
    EXPECT_EQ(ui::progressLine(e, false), u"Backing up the database…"_s);
}

TEST(SessionLog, a_statement_done_counts_its_rows)
{
    EXPECT_EQ(ui::progressLine(done(1), false), u"  1.5 ms, 1 row  UPDATE book SET price = 0"_s);
    EXPECT_EQ(ui::progressLine(done(2), false), u"  1.5 ms, 2 rows  UPDATE book SET price = 0"_s);
    EXPECT_EQ(ui::progressLine(done(-1), false), u"  1.5 ms  UPDATE book SET price = 0"_s);
}

} // namespace
