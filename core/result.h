#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace burrow {

/// What went wrong, where, and what the user can do about it. Core reports errors as values.
struct Error {
    enum class Code {
        InvalidArgument, // a malformed URL, option or workspace file
        NotFound,        // a file or database that does not exist
        Unreadable,      // exists but cannot be read (permissions, a directory, not UTF-8)
        NotADatabase,    // the file is not a database of the expected engine
        Corrupt,         // the database is damaged
        Locked,          // another process holds a lock
        Sql,             // the engine rejected a statement
        Model,           // the model definitions are unusable
        Unsupported,     // a feature or engine Burrow does not handle (yet)
        Conflict,        // two things that must be unique are not (migration versions, locks)
        Cancelled,       // the user stopped the work
        Tool,            // one of the engine's own client tools (pg_dump …) failed
        Internal,        // a bug: should never happen
    };

    Code code = Code::Internal;
    QString message;    // what failed, as one sentence without a trailing period
    QString file;       // where: the file involved, if any
    int line = 0;       // 1-based line in `file`, 0 when unknown
    QString statement;  // the SQL statement involved, if any
    QString hint;       // what to do about it
    QString engineCode; // the engine's own error code, when the engine reported the error
    QString details;    // lines for below the one line: the tail of a failing program's stderr

    /// One line for a terminal: "file:line: message: statement; hint", then any details.
    QString toString() const;
};

/// A value or an Error, never both (Qt Creator's Result, std::expected's shape).
template<typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }

    const Error &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

/// Success carries nothing.
struct Ok {};
using Status = Result<Ok>;

} // namespace burrow
