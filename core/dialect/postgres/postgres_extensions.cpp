#include "postgres_extensions.h"

#include "../../sql/token_stream.h"
#include "postgres_names.h"
#include "postgres_session.h"

namespace burrow::dialect::postgres {
namespace {

/// Reads up to the extension's name; false when the statement creates none.
bool atExtensionName(sql::TokenStream &ts)
{
    if (!ts.acceptKeyword(u"CREATE") || !ts.acceptKeyword(u"EXTENSION"))
        return false;
    if (ts.peekKeyword(u"IF") && ts.peekKeyword(u"NOT", 1) && ts.peekKeyword(u"EXISTS", 2))
        ts.seek(ts.position() + 3);
    return !ts.atEnd();
}

// CASCADE creates the extensions this one requires (in the same schema).
bool mentionsCascade(const QString &statement)
{
    const sql::TokenStream ts(statement, lexerOptions());
    for (qsizetype i = 0; i < ts.size(); ++i) {
        if (ts.isKeywordAt(i, u"CASCADE"))
            return true;
    }
    return false;
}

} // namespace

QString extensionCreatedBy(const QString &statement)
{
    // Called for every model statement: most are not CREATE EXTENSION and need no lexing.
    if (!statement.contains(u"EXTENSION", Qt::CaseInsensitive))
        return {};
    sql::TokenStream ts(statement, lexerOptions());
    if (!atExtensionName(ts))
        return {};
    // A bare name folds to lower case, as PostgreSQL reads it; a quoted one is taken as written.
    const bool bare = ts.peek().kind == sql::TokenKind::Word;
    const QString name = ts.takeName();
    return bare ? name.toLower() : name;
}

QList<schema::Extension> extensionsNamedIn(const model::ModelScript &script)
{
    QList<schema::Extension> extensions;
    for (const sql::Statement &statement : script.statements) {
        if (const QString name = extensionCreatedBy(statement.text); !name.isEmpty())
            extensions.append({name});
    }
    return extensions;
}

QList<sql::Statement> withExtensionsForScratch(QList<sql::Statement> statements,
                                               const QMap<QString, QString> &installed)
{
    QList<sql::Statement> kept;
    for (sql::Statement &statement : statements) {
        const QString name = extensionCreatedBy(statement.text);
        if (name.isEmpty()) {
            kept.append(std::move(statement));
            continue;
        }
        if (installed.contains(name))
            continue;
        const bool cascade = mentionsCascade(statement.text);
        statement.text = u"CREATE EXTENSION IF NOT EXISTS " + quoteIdentifier(name) +
                         (cascade ? QStringLiteral(" CASCADE") : QString());
        kept.append(std::move(statement));
    }
    return kept;
}

Result<QMap<QString, QString>> installedExtensions(Session &session)
{
    Result<QSqlQuery> query = session.run(QStringLiteral(
        "SELECT e.extname, n.nspname FROM pg_catalog.pg_extension e "
        "JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql'"));
    if (!query)
        return query.error();
    QMap<QString, QString> extensions;
    while (query->next())
        extensions.insert(query->value(0).toString(), query->value(1).toString());
    return extensions;
}

Result<QList<schema::Extension>> readExtensions(Session &session)
{
    Result<QMap<QString, QString>> installed = installedExtensions(session);
    if (!installed)
        return installed.error();
    QList<schema::Extension> extensions;
    for (const QString &name : installed->keys())
        extensions.append({name});
    return extensions;
}

QStringList schemasOfInstalled(const QList<schema::Extension> &named,
                               const QMap<QString, QString> &installed)
{
    QStringList schemas;
    for (const schema::Extension &e : named) {
        const QString schema = installed.value(e.name);
        if (!schema.isEmpty() && schema != u"pg_catalog" && !schemas.contains(schema))
            schemas.append(schema);
    }
    return schemas;
}

} // namespace burrow::dialect::postgres
