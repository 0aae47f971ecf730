#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace burrow::ui {

/// What happened to one line between the left (live) and the right (model) text.
enum class LineChange {
    Same,    // on both sides
    Removed, // only on the left
    Added,   // only on the right
    Changed, // replaced by (or replacing) a line on the other side
};

/// A line-level diff of two texts, with each side's lines classified and the changed lines
/// paired up so that their words can be compared.
struct LineDiff {
    QList<LineChange> left;              // one entry per left line
    QList<LineChange> right;             // one entry per right line
    QList<QPair<int, int>> changedPairs; // (left line, right line) of each Changed pair
    QList<int> leftToRight;              // each left line's place on the right
    QList<int> rightToLeft;              // each right line's place on the left

    bool identical() const { return changedPairs.isEmpty() && !hasOneSided(); }
    bool hasOneSided() const;
};

/// The shortest edit between `left` and `right` (longest common subsequence). In each run of
/// lines between common ones, removed and added lines are paired in order as Changed; the
/// surplus stays Removed or Added.
LineDiff diffLines(const QStringList &left, const QStringList &right);

/// A range of characters in a line.
struct CharRange {
    int start = 0;
    int length = 0;
    friend bool operator==(const CharRange &, const CharRange &) = default;
};

/// The parts of two versions of a line that differ, as character ranges in each, comparing
/// words, runs of blanks and single punctuation characters.
struct WordDiff {
    QList<CharRange> left;
    QList<CharRange> right;
};

WordDiff diffWords(const QString &left, const QString &right);

} // namespace burrow::ui
