#pragma once

#include "../../model/model_files.h"
#include "../../result.h"
#include "../../schema/schema.h"

#include <QMap>

namespace burrow::dialect::postgres {

class Session;

/// The extension `CREATE EXTENSION [IF NOT EXISTS] name …` creates; empty for other statements.
QString extensionCreatedBy(const QString &statement);

/// The extensions the model's statements create, in their order. Extensions are installed
/// database-wide, so these are the model's, not what its scratch load finds in the catalog.
QList<schema::Extension> extensionsNamedIn(const model::ModelScript &script);

/// The statements of a scratch load: an extension the database has already is not created again
/// (PostgreSQL refuses, and the database's is the one the model means); another is created
/// without WITH SCHEMA or VERSION, in the scratch schema that goes afterwards.
QList<sql::Statement> withExtensionsForScratch(QList<sql::Statement> statements,
                                               const QMap<QString, QString> &installed);

/// The extensions the database has, by name, with the schema that holds their objects; but
/// PL/pgSQL, which every database has from the start.
Result<QMap<QString, QString>> installedExtensions(Session &session);

/// The extensions the database has (as installedExtensions), by name.
Result<QList<schema::Extension>> readExtensions(Session &session);

/// The schemas holding the objects of the extensions `named` that are `installed` already
/// (pg_catalog left out: it is always searched).
QStringList schemasOfInstalled(const QList<schema::Extension> &named,
                               const QMap<QString, QString> &installed);

} // namespace burrow::dialect::postgres
