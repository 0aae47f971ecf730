#pragma once

// Lets a diff::Change travel in a QVariant (item-model roles) and through queued signals.
#include "diff/change.h"

#include <QMetaType>

Q_DECLARE_METATYPE(burrow::diff::Change)
