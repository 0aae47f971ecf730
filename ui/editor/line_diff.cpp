#include "line_diff.h"

#include <QHash>

#include <algorithm>
#include <span>
#include <vector>

namespace burrow::ui {
namespace {

enum class Edit { Keep, Delete, Insert };

// Beyond this many table cells the quadratic LCS costs more than it is worth for a view:
// the middle is then shown as wholly replaced. Definitions are a few dozen lines.
constexpr qsizetype kMaxCells = 4'000'000;

// The LCS edit script of the part of two sequences between their common prefix and suffix.
void appendMiddle(std::span<const int> a, std::span<const int> b, QList<Edit> &out)
{
    const size_t n = a.size(), m = b.size();
    if (qsizetype(n * m) > kMaxCells) {
        out.append(QList<Edit>(qsizetype(n), Edit::Delete));
        out.append(QList<Edit>(qsizetype(m), Edit::Insert));
        return;
    }
    // lcs[i][j]: the length of the longest common subsequence of a[i..] and b[j..].
    std::vector<int> lcs((n + 1) * (m + 1), 0);
    const auto at = [&lcs, m](size_t i, size_t j) -> int & { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (a[i] == b[j]) {
            out.append(Edit::Keep);
            ++i, ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            out.append(Edit::Delete); // deletions first, so a replaced run reads old, then new
            ++i;
        } else {
            out.append(Edit::Insert);
            ++j;
        }
    }
    out.append(QList<Edit>(qsizetype(n - i), Edit::Delete));
    out.append(QList<Edit>(qsizetype(m - j), Edit::Insert));
}

QList<Edit> editScript(const QList<int> &a, const QList<int> &b)
{
    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    QList<Edit> script(prefix, Edit::Keep);
    appendMiddle(std::span(a).subspan(prefix, a.size() - prefix - suffix),
                 std::span(b).subspan(prefix, b.size() - prefix - suffix), script);
    script.append(QList<Edit>(suffix, Edit::Keep));
    return script;
}

// Equal strings get equal numbers, so that the LCS compares integers.
template<typename Strings> QList<int> intern(const Strings &strings, QHash<QString, int> &ids)
{
    QList<int> out;
    out.reserve(strings.size());
    for (const auto &s : strings) {
        const QString key = QStringView(s).toString();
        auto it = ids.constFind(key);
        if (it == ids.constEnd())
            it = ids.insert(key, int(ids.size()));
        out.append(it.value());
    }
    return out;
}

// Classifies one run of removed and added lines found between two common lines; `i` and `j`
// are the left and right lines that follow the run.
void flushRun(LineDiff &diff, const QList<int> &removed, const QList<int> &added, int i, int j)
{
    const qsizetype pairs = std::min(removed.size(), added.size());
    const int nextLeft = i - int(removed.size());
    const int nextRight = j - int(added.size());
    for (qsizetype k = 0; k < removed.size(); ++k) {
        diff.left[removed[k]] = k < pairs ? LineChange::Changed : LineChange::Removed;
        diff.leftToRight[removed[k]] = nextRight + int(std::min(k, pairs));
    }
    for (qsizetype k = 0; k < added.size(); ++k) {
        diff.right[added[k]] = k < pairs ? LineChange::Changed : LineChange::Added;
        diff.rightToLeft[added[k]] = nextLeft + int(std::min(k, pairs));
    }
    for (qsizetype k = 0; k < pairs; ++k)
        diff.changedPairs.append({removed[k], added[k]});
}

struct Token {
    int start;
    int length;
};

QList<Token> tokenize(const QString &line)
{
    const auto kind = [](QChar c) {
        return c.isLetterOrNumber() || c == u'_' ? 1 : c.isSpace() ? 2 : 0;
    };
    QList<Token> tokens;
    for (int i = 0; i < line.size();) {
        const int k = kind(line[i]);
        int end = i + 1;
        while (k != 0 && end < line.size() && kind(line[end]) == k)
            ++end;
        tokens.append({i, end - i});
        i = end;
    }
    return tokens;
}

// Appends a changed range, joining it to the previous one when only blanks separate them.
void addRange(QList<CharRange> &ranges, const QString &line, CharRange range)
{
    if (!ranges.isEmpty()) {
        CharRange &last = ranges.last();
        const int gap = range.start - (last.start + last.length);
        if (QStringView(line).mid(last.start + last.length, gap).trimmed().isEmpty()) {
            last.length = range.start + range.length - last.start;
            return;
        }
    }
    ranges.append(range);
}

} // namespace

bool LineDiff::hasOneSided() const
{
    return left.contains(LineChange::Removed) || right.contains(LineChange::Added);
}

LineDiff diffLines(const QStringList &left, const QStringList &right)
{
    QHash<QString, int> ids;
    const QList<int> a = intern(left, ids);
    const QList<int> b = intern(right, ids);
    LineDiff diff;
    diff.left = QList<LineChange>(left.size(), LineChange::Same);
    diff.right = QList<LineChange>(right.size(), LineChange::Same);
    diff.leftToRight = QList<int>(left.size(), 0);
    diff.rightToLeft = QList<int>(right.size(), 0);
    int i = 0, j = 0;
    QList<int> removed, added;
    for (Edit edit : editScript(a, b)) {
        if (edit == Edit::Delete) {
            removed.append(i++);
        } else if (edit == Edit::Insert) {
            added.append(j++);
        } else {
            flushRun(diff, removed, added, i, j);
            removed.clear(), added.clear();
            diff.leftToRight[i] = j;
            diff.rightToLeft[j++] = i++;
        }
    }
    flushRun(diff, removed, added, i, j);
    return diff;
}

WordDiff diffWords(const QString &left, const QString &right)
{
    const QList<Token> leftTokens = tokenize(left), rightTokens = tokenize(right);
    const auto texts = [](const QString &line, const QList<Token> &tokens) {
        QList<QStringView> out;
        for (const Token &t : tokens)
            out.append(QStringView(line).mid(t.start, t.length));
        return out;
    };
    QHash<QString, int> ids;
    const QList<int> a = intern(texts(left, leftTokens), ids);
    const QList<int> b = intern(texts(right, rightTokens), ids);
    WordDiff diff;
    int i = 0, j = 0;
    for (Edit edit : editScript(a, b)) {
        if (edit == Edit::Delete) {
            const Token t = leftTokens[i++];
            addRange(diff.left, left, {t.start, t.length});
        } else if (edit == Edit::Insert) {
            const Token t = rightTokens[j++];
            addRange(diff.right, right, {t.start, t.length});
        } else {
            ++i, ++j;
        }
    }
    return diff;
}

} // namespace burrow::ui
