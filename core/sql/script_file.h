#pragma once

#include "../result.h"

namespace burrow::sql {

/// Reads a text file that must be UTF-8 (a byte-order mark is dropped). Invalid bytes are an
/// error naming the file and the first bad line; nothing is guessed.
Result<QString> readUtf8File(const QString &path);

} // namespace burrow::sql
