// PostgreSQL's online spellings (plan --concurrently, plan --not-valid).
#include "postgres_names.h"
#include "postgres_renderer.h"
#include "postgres_table_sql.h"

namespace burrow::dialect::postgres {

using namespace schema;

Status PostgresRenderer::supportsOnline(const plan::OnlineOptions &) const
{
    return Ok{};
}

QStringList PostgresRenderer::createIndexOnline(const QString &table, const Index &index) const
{
    return {createIndexSql(table, index, true)};
}

QStringList PostgresRenderer::dropIndexOnline(const QString &table, const Index &index) const
{
    return {u"DROP INDEX CONCURRENTLY " + quote(inSchemaOf(table, index.name))};
}

QStringList PostgresRenderer::addForeignKeyNotValid(const QString &table,
                                                    const ForeignKey &fk) const
{
    return {u"ALTER TABLE " + quote(table) + u" ADD " + foreignKeySql(fk) + u" NOT VALID"};
}

QStringList PostgresRenderer::addCheckNotValid(const QString &table,
                                               const CheckConstraint &check) const
{
    return {u"ALTER TABLE " + quote(table) + u" ADD " + checkSql(check) + u" NOT VALID"};
}

QStringList PostgresRenderer::validateConstraint(const QString &table, const QString &name) const
{
    return {u"ALTER TABLE " + quote(table) + u" VALIDATE CONSTRAINT " + quote(name)};
}

QStringList PostgresRenderer::dropConstraint(const QString &table, const QString &name) const
{
    return {u"ALTER TABLE " + quote(table) + u" DROP CONSTRAINT " + quote(name)};
}

plan::SectionText PostgresRenderer::onlineSection(const QStringList &statements) const
{
    return {statements,
            false,
            {QStringLiteral("Runs outside a transaction, statement by statement, after the "
                            "migration before it: CREATE/DROP INDEX"),
             QStringLiteral("CONCURRENTLY cannot run inside one, and VALIDATE CONSTRAINT must "
                            "not hold that migration's locks."),
             QStringLiteral("A CONCURRENTLY build that fails leaves an INVALID index: drop it "
                            "with DROP INDEX CONCURRENTLY IF EXISTS <name>,"),
             QStringLiteral("then burrow-cli apply --continue runs the rest.")}};
}

} // namespace burrow::dialect::postgres
