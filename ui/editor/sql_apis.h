#pragma once

#include "qscintilla.h"

namespace burrow::ui {

/// The completion source of an SQL editor: QsciAPIs, asked the way it expects for a
/// case-insensitive language. It indexes such words by their upper-case spelling but is handed
/// the word as typed, so "boo" would find nothing; this passes the word in upper case.
class SqlApis : public QsciAPIs {
public:
    using QsciAPIs::QsciAPIs;

    void updateAutoCompletionList(const QStringList &context, QStringList &list) override
    {
        QStringList upper = context;
        if (!upper.isEmpty())
            upper.last() = upper.last().toUpper();
        QsciAPIs::updateAutoCompletionList(upper, list);
    }
};

} // namespace burrow::ui
