#pragma once

#include <atomic>
#include <memory>

namespace burrow {

/// A stop request shared between whoever asks (the CLI's Ctrl-C handler, the GUI's Cancel button)
/// and the work, which checks it between steps and lets the engine interrupt a long statement.
/// Copies share one flag. Setting it is lock-free, so a signal handler may call cancel().
class Cancellation {
public:
    void cancel() const noexcept { m_flag->store(true, std::memory_order_relaxed); }
    bool cancelled() const noexcept { return m_flag->load(std::memory_order_relaxed); }
    /// The flag itself, for code that cannot hold a Cancellation (a C callback, a signal handler).
    const std::atomic<bool> *flag() const noexcept { return m_flag.get(); }

private:
    std::shared_ptr<std::atomic<bool>> m_flag = std::make_shared<std::atomic<bool>>(false);
    static_assert(std::atomic<bool>::is_always_lock_free);
};

} // namespace burrow
