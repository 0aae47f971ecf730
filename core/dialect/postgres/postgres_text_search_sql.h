#pragma once

#include "../../schema/schema.h"

#include <QStringList>

// PostgreSQL's text search dictionaries and configurations: created with their template or
// parser, a configuration's mappings added one token type at a time; altered in place where
// the template or parser stays.
namespace burrow::dialect::postgres {

QStringList createTextSearchSql(const schema::TextSearch &object, bool dictionary);
QString dropTextSearchSql(const schema::TextSearch &object, bool dictionary);
QStringList alterTextSearchSql(const schema::TextSearch &live, const schema::TextSearch &target,
                               bool dictionary);

} // namespace burrow::dialect::postgres
