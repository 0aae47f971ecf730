#pragma once

#include "../result.h"

#include <QDir>
#include <QUrlQuery>

namespace burrow::model {

/// Where one `--model` entry's definitions live.
enum class SourceKind {
    DdlFiles,   // a .sql file or a folder of them
    Database,   // another database's URL: a reference (golden) copy, compared live to live
    Django,     // django:PATH/TO/manage.py[?settings=MODULE&apps=a,b]
    SqlAlchemy, // sqlalchemy:package.module:attr[?path=DIR]
};

/// One parsed `--model` entry. `location` is the file, folder, URL, manage.py or module:attr.
struct ModelSource {
    SourceKind kind = SourceKind::DdlFiles;
    QString text;     // the entry as the user wrote it, to name it in errors
    QString location; // without the scheme and the query
    QUrlQuery query;  // ?key=value options of django: and sqlalchemy:
};

/// Parses one `--model` entry. An unknown option or a django:/sqlalchemy: entry without its
/// location is an error naming the entry.
Result<ModelSource> parseModelSource(const QString &text);

/// The entry as a workspace keeps it in memory: relative paths made absolute against `dir`
/// (for sqlalchemy:, the workspace folder joins the Python path as a last `path=`).
QString resolveModelSource(const QString &text, const QDir &dir);

/// The reverse of resolveModelSource, for writing burrow.json: paths inside `dir` relative.
QString portableModelSource(const QString &text, const QDir &dir);

} // namespace burrow::model
