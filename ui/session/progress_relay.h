#pragma once

#include "migration/runner.h"

#include <QMutex>
#include <QObject>

#include <functional>

namespace burrow::ui {

/// Carries the runner's progress events from the worker thread to the UI thread without ever
/// blocking the window: events queue up and are handed on in slices of a few milliseconds, so a
/// migration of ten thousand statements cannot freeze the event loop.
class ProgressRelay : public QObject {
    Q_OBJECT
public:
    using Receiver = std::function<void(const migration::ProgressEvent &)>;

    explicit ProgressRelay(Receiver receiver, QObject *parent = nullptr);

    /// Thread-safe: queues `event` for the UI thread.
    void post(const migration::ProgressEvent &event);
    /// Runs `next` on the UI thread once every event posted so far was delivered (at once when
    /// none is waiting), so results arrive after the progress that led to them.
    void whenDelivered(std::function<void()> next);

private:
    void deliver();

    Receiver m_receiver;
    QMutex m_mutex;
    QList<migration::ProgressEvent> m_pending; // guarded by m_mutex
    bool m_posted = false;                     // a deliver() is on its way; guarded by m_mutex
    QList<std::function<void()>> m_next;       // UI thread only
};

} // namespace burrow::ui
