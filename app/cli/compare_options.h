#pragma once

#include "diff/compare.h"

#include <QCommandLineParser>

namespace burrow::cli {

/// The options every comparing command shares: --workspace, --db, --model, --ignore, --python,
/// --no-model-cache.
struct CompareOptions {
    CompareOptions();
    void addTo(QCommandLineParser &parser) const;

    QCommandLineOption workspace;
    QCommandLineOption db;
    QCommandLineOption model;
    QCommandLineOption ignore;
    QCommandLineOption allowEmptyModel;
    QCommandLineOption python;
    QCommandLineOption noModelCache;
};

/// What to compare: the workspace's burrow.json (when given) overridden by the flags; its
/// migrations folder too, if any.
Result<diff::CompareRequest> compareRequest(const QCommandLineParser &parser,
                                            const CompareOptions &options);

} // namespace burrow::cli
