#include "migration_file.h"

#include "../sql/script_file.h"

#include <algorithm>

namespace burrow::migration {
namespace {

using sql::Statement;
using sql::Token;
using sql::TokenKind;

enum class MarkerKind { None, Up, Down, NoTransaction, BlockBegin, BlockEnd };

struct Marker {
    MarkerKind kind = MarkerKind::None;
    bool transaction = true;
};

/// One line of the file, without its newline; `next` is the offset just past it.
struct Line {
    QStringView text;
    qsizetype begin = 0;
    qsizetype next = 0;
    int number = 1;
};

/// Walks the file line by line; text between markers is split into the current section.
class Parser {
public:
    Parser(QStringView text, const QString &path, const sql::LexerOptions &options)
        : m_text(text)
        , m_options(options)
    {
        m_file.path = path;
        for (const Token &token : sql::tokenize(text, options)) {
            const bool quoted =
                token.kind == TokenKind::QuotedIdentifier || token.kind == TokenKind::String;
            if (quoted && !token.unterminated && token.text(text).contains(u'\n'))
                m_multiLineQuotes.append({token.begin, token.begin + token.length});
        }
    }

    Result<MigrationFile> run()
    {
        for (Line line; line.begin < m_text.size() || line.number == 1; ++line.number) {
            const qsizetype newline = m_text.indexOf(u'\n', line.begin);
            const qsizetype end = newline < 0 ? m_text.size() : newline;
            line.text = m_text.sliced(line.begin, end - line.begin).trimmed();
            line.next = newline < 0 ? end : newline + 1;
            if (Status s = onLine(line); !s)
                return s.error();
            line.begin = line.next;
        }
        return finish();
    }

private:
    Result<Marker> parseMarker(const Line &line) const
    {
        if (!line.text.startsWith(u"--") || insideQuote(line.begin))
            return Marker{};
        const QStringView rest = line.text.sliced(2).trimmed();
        if (rest.startsWith(u"migrate:"))
            return parseDbmate(rest.sliced(8).split(u' ', Qt::SkipEmptyParts), line);
        if (rest.startsWith(u"+goose"))
            return parseGoose(rest.sliced(6).toString().simplified(), line);
        return Marker{};
    }

    // dbmate: `-- migrate:up|down` followed by `key:value` options.
    Result<Marker> parseDbmate(const QList<QStringView> &words, const Line &line) const
    {
        const QStringView direction = words.isEmpty() ? QStringView() : words.front();
        if (direction != u"up" && direction != u"down")
            return error(Error::Code::InvalidArgument, u"unknown marker `" + line.text + u'`',
                         line.number, QStringLiteral("use `-- migrate:up` or `-- migrate:down`"));
        Marker marker{direction == u"up" ? MarkerKind::Up : MarkerKind::Down};
        for (QStringView option : words.sliced(1)) {
            if (option == u"transaction:false")
                marker.transaction = false;
            else if (option != u"transaction:true")
                return error(Error::Code::InvalidArgument,
                             u"unknown option `" + option + u"` after `-- migrate:" + direction +
                                 u'`',
                             line.number, QStringLiteral("the only option is `transaction:false`"));
        }
        return marker;
    }

    // goose: `-- +goose Up|Down|NO TRANSACTION|StatementBegin|StatementEnd`.
    Result<Marker> parseGoose(const QString &annotation, const Line &line) const
    {
        const auto is = [&](QStringView word) {
            return annotation.compare(word, Qt::CaseInsensitive) == 0;
        };
        const MarkerKind kind = is(u"Up")               ? MarkerKind::Up
                                : is(u"Down")           ? MarkerKind::Down
                                : is(u"NO TRANSACTION") ? MarkerKind::NoTransaction
                                : is(u"StatementBegin") ? MarkerKind::BlockBegin
                                : is(u"StatementEnd")   ? MarkerKind::BlockEnd
                                                        : MarkerKind::None;
        if (kind == MarkerKind::None)
            return error(Error::Code::InvalidArgument,
                         u"unknown goose annotation `" + line.text + u'`', line.number);
        return Marker{kind};
    }

    Status onLine(const Line &line)
    {
        Result<Marker> marker = parseMarker(line);
        if (!marker)
            return marker.error();
        if (marker->kind == MarkerKind::None)
            return Ok{};
        const bool closing = m_blockLine != 0;
        const Status flushed = closing ? closeBlock(*marker, line) : flushChunk(line.begin);
        if (!flushed)
            return flushed;
        m_chunkBegin = line.next;
        m_chunkLine = line.number + 1;
        return closing ? Status(Ok{}) : apply(*marker, line);
    }

    Status apply(const Marker &marker, const Line &line)
    {
        m_sawMarker = true;
        switch (marker.kind) {
        case MarkerKind::Up:
        case MarkerKind::Down:
            return enterSection(marker, line);
        case MarkerKind::NoTransaction:
            m_noTransaction = true;
            return Ok{};
        case MarkerKind::BlockBegin:
            if (!m_section)
                return error(Error::Code::Model,
                             u'`' + line.text + u"` before any up or down marker", line.number);
            m_blockLine = line.number;
            return Ok{};
        case MarkerKind::BlockEnd:
            return error(Error::Code::Model, u'`' + line.text + u"` without StatementBegin",
                         line.number);
        case MarkerKind::None:
            break;
        }
        return Ok{};
    }

    Status enterSection(const Marker &marker, const Line &line)
    {
        const bool up = marker.kind == MarkerKind::Up;
        int &firstLine = up ? m_upLine : m_downLine;
        if (firstLine)
            return error(Error::Code::Model,
                         u"second " + QStringView(up ? u"up" : u"down") + u" marker `" + line.text +
                             u"`, the first is at line " + QString::number(firstLine),
                         line.number,
                         QStringLiteral("a migration has one up and one down section"));
        firstLine = line.number;
        m_section = up ? &m_file.up : &m_file.down;
        m_section->present = true;
        m_section->transaction = marker.transaction;
        return Ok{};
    }

    // Inside StatementBegin … StatementEnd only StatementEnd may follow.
    Status closeBlock(const Marker &marker, const Line &line)
    {
        if (marker.kind != MarkerKind::BlockEnd)
            return unclosedBlock(line.number);
        m_blockLine = 0;
        return addBlockStatement(chunk(line.begin));
    }

    Status flushChunk(qsizetype end)
    {
        if (!m_section)
            return readPreamble(chunk(end));
        Result<QList<Statement>> split = sql::splitStatements(chunk(end), m_file.path, m_options);
        if (!split)
            return atFileLine(split.error());
        for (Statement statement : *split)
            m_section->statements.append(atFileLine(std::move(statement)));
        return Ok{};
    }

    // Before the first section only comments may appear; the leading ones describe the file.
    Status readPreamble(QStringView text)
    {
        for (const Token &token : sql::tokenize(text, m_options)) {
            if (token.unterminated || token.isSignificant())
                return error(Error::Code::Model, QStringLiteral("SQL before the up marker"),
                             fileLine(token.line),
                             QStringLiteral("put statements below `-- migrate:up`"));
            const QStringView comment = token.text(text);
            if (m_sawMarker || token.kind != TokenKind::Comment || !comment.startsWith(u"--"))
                continue;
            QStringView line = comment.sliced(2);
            if (line.startsWith(u' '))
                line = line.sliced(1);
            while (!line.isEmpty() && line.back().isSpace())
                line.chop(1);
            m_description.append(line.toString());
        }
        return Ok{};
    }

    // The block is one statement: its significant text without a final semicolon.
    Status addBlockStatement(QStringView text)
    {
        const QList<Token> tokens = sql::tokenize(text, m_options);
        const Token *first = nullptr, *last = nullptr;
        for (const Token &token : tokens) {
            if (token.unterminated)
                return error(
                    Error::Code::Sql,
                    QStringLiteral("unterminated quote or comment in StatementBegin block"),
                    fileLine(token.line));
            if (!token.isSignificant())
                continue;
            first = first ? first : &token;
            if (!(token.kind == TokenKind::Symbol && token.text(text) == u";"))
                last = &token;
        }
        if (first && last)
            m_section->statements.append(atFileLine(Statement{
                text.sliced(first->begin, last->begin + last->length - first->begin).toString(),
                m_file.path, first->line}));
        return Ok{};
    }

    Result<MigrationFile> finish()
    {
        if (m_blockLine)
            return unclosedBlock(m_blockLine);
        if (!m_file.up.present)
            return error(Error::Code::Model, QStringLiteral("no `-- migrate:up` marker"),
                         m_downLine ? m_downLine : 1,
                         QStringLiteral("start the migration's statements with `-- migrate:up`"));
        if (Status s = flushChunk(m_text.size()); !s)
            return s.error();
        if (m_noTransaction)
            m_file.up.transaction = m_file.down.transaction = false;
        m_file.description = m_description.join(u'\n').trimmed();
        return m_file;
    }

    QStringView chunk(qsizetype end) const
    {
        return m_text.sliced(m_chunkBegin, end - m_chunkBegin);
    }

    // The splitter and tokenizer count lines from the chunk's start; the file's differ by this.
    int fileLine(int chunkLine) const { return chunkLine + m_chunkLine - 1; }
    template<typename T> T atFileLine(T item) const
    {
        if (item.line > 0)
            item.line = fileLine(item.line);
        return item;
    }

    Error unclosedBlock(int line) const
    {
        return error(Error::Code::Model,
                     u"StatementBegin at line " + QString::number(m_blockLine) +
                         u" has no StatementEnd",
                     line);
    }

    /// Whether `offset` lies inside a quoted name or string that spans lines: a line there that
    /// reads like a marker (a table named "x\n-- migrate:down") is part of the name.
    bool insideQuote(qsizetype offset) const
    {
        return std::any_of(
            m_multiLineQuotes.cbegin(), m_multiLineQuotes.cend(),
            [offset](const auto &span) { return span.first < offset && offset < span.second; });
    }

    Error error(Error::Code code, const QString &message, int line, const QString &hint = {}) const
    {
        return Error{code, message, m_file.path, line, {}, hint};
    }

    QStringView m_text;
    sql::LexerOptions m_options;
    QList<std::pair<qsizetype, qsizetype>> m_multiLineQuotes; // [begin, end) in m_text
    MigrationFile m_file;
    QStringList m_description;
    Section *m_section = nullptr;     // where statements go; none before the first up/down marker
    qsizetype m_chunkBegin = 0;       // text since the last marker line
    int m_chunkLine = 1;              // its first line in the file
    int m_blockLine = 0;              // line of an open StatementBegin, 0 when none
    int m_upLine = 0, m_downLine = 0; // lines of the section markers, 0 before them
    bool m_sawMarker = false;
    bool m_noTransaction = false;
};

} // namespace

Result<MigrationFile> parseMigration(QStringView text, const QString &path,
                                     const sql::LexerOptions &options)
{
    return Parser(text, path, options).run();
}

Result<MigrationFile> readMigrationFile(const QString &path, const sql::LexerOptions &options)
{
    Result<QString> text = sql::readUtf8File(path);
    if (!text)
        return text.error();
    return parseMigration(*text, path, options);
}

} // namespace burrow::migration
