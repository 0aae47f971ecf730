#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>
#include <type_traits>

namespace burrow::ui {

/// Runs `work` on Qt's thread pool and hands its result to `done` on `context`'s thread (the UI
/// thread), unless `context` is gone by then. Core opens its own connections inside `work`, so
/// no database handle crosses threads.
template<typename Work, typename Done> void runInBackground(QObject *context, Work work, Done done)
{
    // Wrapped in optional: core's Result has no default state, which QFuture's storage wants.
    using Value = std::optional<std::invoke_result_t<Work>>;
    auto *watcher = new QFutureWatcher<Value>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         done(std::move(*watcher->future().takeResult()));
                         watcher->deleteLater();
                     });
    watcher->setFuture(
        QtConcurrent::run([work = std::move(work)]() mutable { return Value(work()); }));
}

} // namespace burrow::ui
