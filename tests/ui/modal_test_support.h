#pragma once

// Driving modal dialogs from a test: the handler runs inside the dialog's own event loop.
#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QTimer>

#include <functional>
#include <memory>

namespace burrow::uitest {

/// Calls `handle` with the first modal dialog of type D that opens within `timeoutMs`. A dialog
/// the handler leaves open is rejected, so a failing test never waits forever on exec().
template<typename D> void whenModalOpens(std::function<void(D *)> handle, int timeoutMs = 10000)
{
    auto *timer = new QTimer;
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    QObject::connect(timer, &QTimer::timeout, [timer, handle, elapsed, timeoutMs] {
        auto *dialog = qobject_cast<D *>(QApplication::activeModalWidget());
        if (!dialog && elapsed->elapsed() < timeoutMs)
            return;
        timer->stop();
        timer->deleteLater();
        if (!dialog)
            return;
        handle(dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
    timer->start(20);
}

} // namespace burrow::uitest
