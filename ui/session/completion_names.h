#pragma once

#include "schema/schema.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace burrow::ui {

/// Table and column names of the schemas compared, each once, for the SQL editor's completion.
/// Collected on the worker thread with the comparison: for thousands of tables it is work the
/// UI thread should not do.
struct CompletionNames {
    QStringList tables;
    QHash<QString, QStringList> columns; // by table

    void add(const schema::Schema &schema);

private:
    QSet<QString> m_seen; // "table" and "table.column" already listed
};

} // namespace burrow::ui
