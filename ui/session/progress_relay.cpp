#include "progress_relay.h"

#include <QElapsedTimer>
#include <QMetaObject>

namespace burrow::ui {
namespace {

// Longest the UI thread spends handing events on before it lets the window repaint.
constexpr qint64 kSliceMs = 4;

} // namespace

ProgressRelay::ProgressRelay(Receiver receiver, QObject *parent)
    : QObject(parent)
    , m_receiver(std::move(receiver))
{
}

void ProgressRelay::post(const migration::ProgressEvent &event)
{
    QMutexLocker lock(&m_mutex);
    m_pending.append(event);
    if (!m_posted) {
        m_posted = true;
        QMetaObject::invokeMethod(this, &ProgressRelay::deliver, Qt::QueuedConnection);
    }
}

void ProgressRelay::whenDelivered(std::function<void()> next)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_posted) {
            m_next.append(std::move(next));
            return;
        }
    }
    next();
}

void ProgressRelay::deliver()
{
    QElapsedTimer slice;
    slice.start();
    while (slice.elapsed() < kSliceMs) {
        migration::ProgressEvent event;
        {
            QMutexLocker lock(&m_mutex);
            if (m_pending.isEmpty()) {
                m_posted = false;
                break;
            }
            event = m_pending.takeFirst();
        }
        m_receiver(event);
    }
    QMutexLocker lock(&m_mutex);
    if (m_posted) { // the slice ran out: the rest after the window had its turn
        QMetaObject::invokeMethod(this, &ProgressRelay::deliver, Qt::QueuedConnection);
        return;
    }
    lock.unlock();
    const QList<std::function<void()>> next = std::exchange(m_next, {});
    for (const auto &run : next)
        run();
}

} // namespace burrow::ui
