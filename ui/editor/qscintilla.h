#pragma once

// The one way into QScintilla. Its headers use the `signals` and `slots` keywords, which
// QT_NO_KEYWORDS switches off: spell them out for these headers only, then take them back so
// that no other code relies on them.
#define signals Q_SIGNALS
#define slots Q_SLOTS

#include <Qsci/qsciapis.h>
#include <Qsci/qscilexersql.h>
#include <Qsci/qsciscintilla.h>
#include <Qsci/qscistyle.h>

#undef signals
#undef slots
