#pragma once

#include "../../schema/schema.h"

#include <QVariant>

#include <optional>

namespace burrow::dialect::mysql {

/// An SQL fragment with its canonical form under MySQL's quoting rules.
schema::Expression expression(const QString &text);

/// The comparison form of a COLUMN_TYPE: integer display widths dropped (`int(11)` and `int`
/// are one type; MySQL 8 no longer shows them), except `tinyint(1)`, which ORMs read as BOOL.
QString typeKey(const QString &columnType);

/// A COLUMN_DEFAULT as MariaDB 10.2+ reports it: string literals quoted, `NULL` (unquoted) for
/// DEFAULT NULL, SQL NULL for no default. DEFAULT NULL and no default mean the same: nothing.
std::optional<schema::Expression> columnDefault(const QVariant &value);

/// The referential action a REFERENTIAL_CONSTRAINTS rule names.
schema::ReferentialAction referentialAction(const QString &rule);

/// VIEW_DEFINITION names every table as `db`.`t`: drop the `db`. so that the live database
/// and the model's scratch database compare equal.
QString withoutSchemaPrefix(QString sql, const QString &database);

/// A model loaded on the server carries names the server made up (book_ibfk_1, CONSTRAINT_1,
/// a unique key named after its column): the model did not choose them, so they are cleared and
/// never reported as differences. A key's or check's stays as its engineName: a migration
/// adding it gives it that name where it is free, as the server would.
void clearGeneratedNames(schema::Schema &schema);

} // namespace burrow::dialect::mysql
