#pragma once

#include "schema.h"

#include <QByteArray>

#include <optional>

namespace burrow::schema {

/// A schema as bytes and back, every field of every object, for the model cache. Bytes written
/// by another build may not be read: the cache keys them by the build that wrote them.
QByteArray toBytes(const Schema &schema);

/// The schema `toBytes` wrote, or nothing when the bytes are truncated or damaged.
std::optional<Schema> schemaFromBytes(const QByteArray &bytes);

} // namespace burrow::schema
