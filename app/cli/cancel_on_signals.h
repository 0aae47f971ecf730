#pragma once

#include "cancellation.h"

namespace burrow::cli {

/// While it lives, Ctrl-C (SIGINT) and SIGTERM cancel `cancellation` instead of killing the
/// process, so the running migration rolls back cleanly and the exit says what stays applied.
/// A second Ctrl-C kills at once (the transaction still protects the database). One at a time.
class CancelOnSignals {
public:
    explicit CancelOnSignals(const Cancellation &cancellation);
    ~CancelOnSignals();
    CancelOnSignals(const CancelOnSignals &) = delete;
    CancelOnSignals &operator=(const CancelOnSignals &) = delete;
};

} // namespace burrow::cli
