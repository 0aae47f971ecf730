#include "splitter.h"

namespace burrow::sql {
namespace {

/// Follows CREATE TRIGGER … BEGIN … END so that semicolons inside the body don't split it.
class TriggerTracker {
public:
    void reset() { *this = TriggerTracker(); }

    void see(QStringView src, const Token &token)
    {
        ++m_count;
        if (m_count <= 3 && isKeyword(src, token, u"TRIGGER"))
            m_isTrigger = true;
        if (!m_isTrigger)
            return;
        if (isKeyword(src, token, u"BEGIN") && m_depth == 0)
            m_depth = 1;
        else if (m_depth > 0 && isKeyword(src, token, u"CASE"))
            ++m_depth;
        else if (m_depth > 0 && isKeyword(src, token, u"END"))
            --m_depth;
        m_bodyOpen = m_depth > 0;
    }

    bool insideBody() const { return m_bodyOpen; }

private:
    int m_count = 0; // significant tokens seen in this statement
    bool m_isTrigger = false;
    int m_depth = 0; // 1 inside BEGIN, +1 per open CASE
    bool m_bodyOpen = false;
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

} // namespace

Result<QList<Statement>> splitStatements(QStringView script, const QString &file,
                                         const LexerOptions &options)
{
    QList<Statement> statements;
    TriggerTracker trigger;
    qsizetype start = -1; // offset of the current statement's first significant token
    int startLine = 1;
    qsizetype end = 0; // offset just past its last significant token

    auto finish = [&] {
        if (start >= 0)
            statements.append({script.mid(start, end - start).toString(), file, startLine});
        start = -1;
        trigger.reset();
    };

    for (const Token &token : tokenize(script, options)) {
        if (token.unterminated)
            return unterminatedError(token, file, script);
        if (!token.isSignificant())
            continue;
        if (token.kind == TokenKind::Symbol && token.text(script) == u";" &&
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
                     QStringLiteral("trigger body has no END"),
                     file,
                     startLine,
                     {},
                     QStringLiteral("finish the trigger with END;")};
    finish();
    return statements;
}

} // namespace burrow::sql
