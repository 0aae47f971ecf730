#pragma once

#include "../result.h"
#include "../sql/splitter.h"

namespace burrow::model {

/// The statements of the model definitions, in the order the files are read.
struct ModelScript {
    QList<sql::Statement> statements;
    QStringList files;  // every file read (or model source), in order
    QStringList ignore; // tables the model sources leave alone (an ORM's own bookkeeping)
};

/// The first refusal of `check` (a Status from one statement), or Ok when it refuses none.
template<typename Check> Status firstRefusal(const ModelScript &script, Check check)
{
    for (const sql::Statement &statement : script.statements) {
        if (Status passed = check(statement); !passed)
            return passed;
    }
    return Ok{};
}

/// The error of a model without statements, naming its sources.
Error emptyModelError(const QStringList &sources);

/// Reads model definitions from `.sql` files and directories of them (recursively, in name
/// order) and splits them into statements. Missing paths, empty directories, non-UTF-8 text and
/// unterminated quotes are errors naming the file (and line).
/// A model without a single statement is an error too, unless `allowEmpty` (the user really
/// wants every table gone).
Result<ModelScript> readModelFiles(const QStringList &paths, const sql::LexerOptions &options,
                                   bool allowEmpty = false);

} // namespace burrow::model
