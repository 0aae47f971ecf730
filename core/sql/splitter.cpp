#include "splitter.h"

#include <algorithm>

namespace burrow::sql {
namespace {

bool isAnyKeyword(QStringView src, const Token &token, std::initializer_list<QStringView> words)
{
    return std::any_of(words.begin(), words.end(),
                       [&](QStringView word) { return isKeyword(src, token, word); });
}

/// Follows the body of CREATE TRIGGER / EVENT / PROCEDURE / FUNCTION … BEGIN … END so that
/// semicolons inside it don't split it: nested BEGIN blocks, CASE, and the IF, LOOP, WHILE and
/// REPEAT statements that close with END IF, END LOOP… (IF(…) inside an expression is a function
/// and opens nothing: only a statement's first word opens a block).
class BodyTracker {
public:
    void reset() { *this = BodyTracker(); }

    void see(QStringView src, const Token &token)
    {
        ++m_count;
        // CREATE [OR REPLACE] [DEFINER = `u`@`h`] TRIGGER …: the kind comes within 8 words.
        if (m_count <= 8 &&
            isAnyKeyword(src, token, {u"TRIGGER", u"EVENT", u"PROCEDURE", u"FUNCTION"}))
            m_hasBody = true;
        if (!m_hasBody)
            return;
        const bool afterEnd = m_afterEnd;
        // Where a statement of the body starts: inside a block after ; THEN …, or as the whole
        // body right after FOR EACH ROW / DO.
        const bool statementStart = m_depth > 0 ? m_statementStart : m_bodyStart;
        m_afterEnd = isKeyword(src, token, u"END");
        m_bodyStart = isAnyKeyword(src, token, {u"ROW", u"DO"});
        m_statementStart =
            isAnyKeyword(src, token, {u"BEGIN", u"THEN", u"ELSE", u"DO", u"LOOP", u"REPEAT"}) ||
            token.text(src) == u";" || token.text(src) == u":";
        const bool isCase = isKeyword(src, token, u"CASE");
        if (isKeyword(src, token, u"BEGIN") || (isCase && (m_depth > 0 || statementStart)))
            m_depth += afterEnd && isCase ? 0 : 1; // END CASE closes, it opens nothing
        else if (statementStart && !afterEnd &&
                 isAnyKeyword(src, token, {u"IF", u"LOOP", u"WHILE", u"REPEAT"}))
            ++m_depth;
        else if (m_depth > 0 && isKeyword(src, token, u"END"))
            --m_depth;
    }

    bool insideBody() const { return m_depth > 0; }

private:
    int m_count = 0; // significant tokens seen in this statement
    bool m_hasBody = false;
    int m_depth = 0; // open blocks: BEGIN, CASE, IF, LOOP, WHILE, REPEAT
    bool m_afterEnd = false;
    bool m_statementStart = false;
    bool m_bodyStart = false;
};

Error unterminatedError(const Token &token, const QString &file, QStringView script)
{
    const QChar opener = token.text(script).front();
    const QString what = token.kind == TokenKind::Comment  ? QStringLiteral("comment")
                         : token.kind == TokenKind::String ? QStringLiteral("string literal")
                                                           : QStringLiteral("quoted identifier");
    return Error{Error::Code::Sql,
                 u"unterminated " + what + u" starting with " + opener,
                 file,
                 token.line,
                 {},
                 QStringLiteral("close it, or remove the stray quote")};
}

/// Part of the statement's text: significant, or MySQL's code in a comment (`/*!50100
/// PARTITION BY … */`, as mysqldump writes it), which the server runs.
bool belongsToStatement(QStringView script, const Token &token, const LexerOptions &options)
{
    if (token.isSignificant())
        return true;
    const QStringView text = token.text(script);
    return options.executableComments && token.kind == TokenKind::Comment &&
           (text.startsWith(u"/*!") || text.startsWith(u"/*M!"));
}

/// The mysql client's `DELIMITER xx` line, as mysqldump writes it around triggers and
/// routines: a statement then ends at `xx`, and its own semicolons split nothing.
class Delimiter {
public:
    /// At a statement's first token: whether it is a DELIMITER line, which is then read.
    bool readDirective(QStringView script, const Token &token, const LexerOptions &options)
    {
        if (!options.delimiterDirective || !isKeyword(script, token, u"DELIMITER"))
            return false;
        qsizetype lineEnd = script.indexOf(u'\n', token.begin);
        if (lineEnd < 0)
            lineEnd = script.size();
        const qsizetype after = token.begin + token.length;
        m_text = script.mid(after, lineEnd - after).trimmed().toString();
        if (m_text.isEmpty())
            m_text = QStringLiteral(";");
        m_skipUntil = lineEnd;
        return true;
    }

    /// Whether the token is part of what the last directive or delimiter covers.
    bool skips(const Token &token) const { return token.begin < m_skipUntil; }

    bool isCustom() const { return m_text != u";"; }

    /// With a custom delimiter: whether it starts at the token (then skipped past).
    bool endsAt(QStringView script, const Token &token)
    {
        if (!script.mid(token.begin).startsWith(m_text))
            return false;
        m_skipUntil = token.begin + m_text.size();
        return true;
    }

private:
    QString m_text = QStringLiteral(";");
    qsizetype m_skipUntil = 0;
};

} // namespace

Result<QList<Statement>> splitStatements(QStringView script, const QString &file,
                                         const LexerOptions &options)
{
    QList<Statement> statements;
    BodyTracker trigger;
    qsizetype start = -1; // offset of the current statement's first significant token
    int startLine = 1;
    qsizetype end = 0; // offset just past its last significant token

    auto finish = [&] {
        if (start >= 0)
            statements.append({script.mid(start, end - start).toString(), file, startLine});
        start = -1;
        trigger.reset();
    };

    Delimiter delimiter;
    for (const Token &token : tokenize(script, options)) {
        if (token.unterminated)
            return unterminatedError(token, file, script);
        if (!belongsToStatement(script, token, options) || delimiter.skips(token))
            continue;
        if (start < 0 && delimiter.readDirective(script, token, options))
            continue;
        if (delimiter.isCustom()) {
            if (token.isSignificant() && delimiter.endsAt(script, token)) {
                finish();
                continue;
            }
        } else if (token.kind == TokenKind::Symbol && token.text(script) == u";" &&
                   !trigger.insideBody()) {
            finish();
            continue;
        }
        if (start < 0) {
            start = token.begin;
            startLine = token.line;
        }
        trigger.see(script, token);
        end = token.begin + token.length;
    }
    if (trigger.insideBody())
        return Error{Error::Code::Sql,
                     QStringLiteral("the body has no END"),
                     file,
                     startLine,
                     {},
                     QStringLiteral("close every BEGIN, IF, CASE, LOOP, WHILE and REPEAT with its "
                                    "END, and finish the body with END;")};
    finish();
    return statements;
}

} // namespace burrow::sql
