// MariaDB backups hold every row the application could store, byte for byte. Binary strings were
// dumped as hexadecimal (--hex-blob), which doubles them: a 10 MB blob, stored under the server's
// default max_allowed_packet of 16 MB, made a 20 MB statement that did not load again. And the
// clients' own 16 MB limit stopped a dump of a larger row that the server allows ("Lost
// connection … when dumping table"). Binary strings now go as they are, escaped, in utf8mb4; the
// clients take rows up to 1 GB.
#include "server_support.h"
#include "test_support.h"

using namespace burrow::test;
using namespace Qt::Literals::StringLiterals;

namespace {

/// Bytes that need escaping (NUL, quote, backslash, CR, LF, ^Z) and 64 of SHA-512's: `count`
/// times over, 70 bytes each.
QString blobOf(qsizetype count)
{
    return u"REPEAT(CONCAT(UNHEX('00275C0D0A1A'), UNHEX(SHA2('burrow', 512))), "_s +
           QString::number(count) + u')';
}

class MariadbLargeRows : public ::testing::Test {
protected:
    void SetUp() override
    {
        BURROW_REQUIRE_BACKEND(db);
        db.exec(u"CREATE TABLE doc (id INT PRIMARY KEY, body LONGBLOB, "
                u"note VARCHAR(300) CHARACTER SET latin1, title VARCHAR(20) CHARACTER SET "
                u"utf8mb4)"_s);
    }
    void TearDown() override
    {
        if (!packetLimit.isEmpty())
            db.exec(u"SET GLOBAL max_allowed_packet = "_s + packetLimit);
    }
    QStringList fingerprint()
    {
        return db.rows(u"SELECT id, LENGTH(body), MD5(body), HEX(note), HEX(title) FROM doc "
                       u"ORDER BY id"_s);
    }
    /// Backs the database up, empties the table, restores the backup.
    void backUpAndRestore()
    {
        const CliRun saved =
            runCli({u"backup"_s, u"--db"_s, db.url(), u"--out"_s, dir.path(u"saved"_s)});
        ASSERT_EQ(saved.exitCode, 0) << saved.err.toStdString();
        db.exec(u"DELETE FROM doc"_s);
        const CliRun restored = runCli(
            {u"restore"_s, u"--db"_s, db.url(), u"--from"_s, dir.path(u"saved"_s), u"--yes"_s});
        ASSERT_EQ(restored.exitCode, 0) << restored.err.toStdString();
    }

    TestDatabase db{Backend::MariaDB};
    TempDir dir;
    QString packetLimit; // the server's, to put back
};

TEST_F(MariadbLargeRows, binary_strings_and_text_of_two_character_sets_come_back_unchanged)
{
    QString everyByte;
    for (int b = 0; b < 256; ++b)
        everyByte += QStringLiteral("%1").arg(b, 2, 16, QChar(u'0'));
    db.exec(u"INSERT INTO doc VALUES (1, UNHEX('"_s + everyByte + u"'), UNHEX('"_s +
            everyByte.sliced(64) + u"'), CONVERT(UNHEX('F09F98802027C3BC5C') USING utf8mb4))"_s);
    // 10 MB: under the test servers' max_allowed_packet (MariaDB's default, 16 MB) as it is,
    // over it in hexadecimal.
    db.exec(u"INSERT INTO doc (id, body) VALUES (2, "_s + blobOf(150'000) + u')');
    const QStringList before = fingerprint();
    ASSERT_EQ(before.size(), 2);
    ASSERT_TRUE(before[1].startsWith(u"2|10500000|"_s)) << before[1].toStdString();

    backUpAndRestore();
    EXPECT_EQ(fingerprint(), before);
}

TEST_F(MariadbLargeRows, a_row_larger_than_the_clients_limit_but_not_the_servers_comes_back)
{
    packetLimit = db.rows(u"SELECT @@GLOBAL.max_allowed_packet"_s).value(0);
    ASSERT_FALSE(packetLimit.isEmpty());
    db.exec(u"SET GLOBAL max_allowed_packet = 67108864"_s); // each exec is a new connection
    db.exec(u"INSERT INTO doc (id, body) VALUES (1, "_s + blobOf(300'000) + u')');
    const QStringList before = fingerprint();
    ASSERT_TRUE(before.value(0).startsWith(u"1|21000000|"_s)) << before.value(0).toStdString();

    backUpAndRestore();
    EXPECT_EQ(fingerprint(), before);

    // Under the server's limit as it was, the row no longer loads: the restore says why.
    db.exec(u"SET GLOBAL max_allowed_packet = "_s + packetLimit);
    const CliRun refused =
        runCli({u"restore"_s, u"--db"_s, db.url(), u"--from"_s, dir.path(u"saved"_s), u"--yes"_s});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains(u"nothing was changed; a statement of the dump may be larger "
                                     u"than the server's max_allowed_packet ("_s +
                                     QString::number(packetLimit.toLongLong() >> 20) + u" MB)"_s))
        << refused.err.toStdString();
    EXPECT_EQ(fingerprint(), before);
}

} // namespace
