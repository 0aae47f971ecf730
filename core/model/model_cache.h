#pragma once

#include "../schema/schema.h"
#include "model_files.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace burrow::model {

/// Models as their engine normalized them, kept in a folder so that comparing an unchanged model
/// again skips loading it into the server's scratch schema (the bulk of a server diff's time).
/// A key covers everything the normal form depends on: the model's statements, the engine and
/// what its dialect names (server version, settings, objects outside the model), and the build
/// of Burrow that read it. Best effort: a folder that cannot be read or written is no cache.
class ModelCache {
public:
    /// `folder` empty: no cache (find() finds nothing, store() keeps nothing).
    explicit ModelCache(QString folder);

    bool enabled() const { return !m_folder.isEmpty(); }

    static QByteArray keyOf(const QString &engine, const QString &context,
                            const ModelScript &script);

    /// The model stored under `key`; nothing when absent or damaged (a damaged entry goes).
    std::optional<schema::Schema> find(const QByteArray &key) const;
    /// Keeps `schema` under `key`, and only the most recently used entries beside it.
    void store(const QByteArray &key, const schema::Schema &schema) const;

    /// The file an entry is kept in (tests look at it).
    QString entryPath(const QByteArray &key) const;

private:
    QString m_folder;
};

/// The user's model cache folder, for the CLI and the GUI to pass on: BURROW_CACHE_DIR/models,
/// else the platform's cache folder (~/.cache/burrow/models); empty when BURROW_MODEL_CACHE is
/// `off` (or 0, no, false).
QString modelCacheFolderFromEnvironment();

} // namespace burrow::model
