#pragma once

#include "../result.h"

#include <QJsonObject>
#include <QStringList>

namespace burrow::model {

/// One run of a helper script shipped in Burrow's resources (resources/python) with the
/// project's own Python interpreter.
struct PythonHelperRun {
    QString python;           // interpreter; empty: the first python3 on PATH
    QString helper;           // file name under resources/python
    QStringList arguments;    // after `python3 -`
    QString workingDirectory; // the project's folder
    QString source;           // the model source as the user wrote it, to name it in errors
};

/// Feeds the helper to the interpreter on stdin (no temporary file) and returns the JSON object
/// it prints. A missing interpreter says how to choose one; a failing project (an import error,
/// missing settings) is one line naming the source, with the tail of Python's own traceback in
/// the error's details.
Result<QJsonObject> runPythonHelper(const PythonHelperRun &run);

} // namespace burrow::model
