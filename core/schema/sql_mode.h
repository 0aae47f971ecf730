#pragma once

#include <QString>

#include <optional>

namespace burrow::schema {

/// MariaDB/MySQL: the sql_mode a trigger, routine or event was created under. The server keeps
/// it with the body and runs the body under it: the same text means something else under
/// another one (`||` concatenates under PIPES_AS_CONCAT, "x" names a column under ANSI_QUOTES).
struct SqlMode {
    /// The whole mode where it is not the server's default (@@GLOBAL.sql_mode), "" for none at
    /// all; nullopt: the default, which a migration's session runs under. Always set where the
    /// default has NO_BACKSLASH_ESCAPES: a migration's sections may run without it.
    std::optional<QString> own{};
    /// Those of its modes that change what the body's text means, default or not.
    QString reading{};

    bool operator==(const SqlMode &) const = default;
    /// Whether `model` asks for another mode than this live one: one that reads the body
    /// otherwise, or a mode the model names itself (strictness the model leaves unsaid is the
    /// database's own, kept, not compared).
    bool differsFrom(const SqlMode &model) const
    {
        return reading != model.reading || (model.own && own != model.own);
    }
};

} // namespace burrow::schema
