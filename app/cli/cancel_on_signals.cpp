#include "cancel_on_signals.h"

#include <csignal>
#include <unistd.h>

namespace burrow::cli {
namespace {

// What the handler may touch: a lock-free atomic store and write(2) are async-signal-safe.
const Cancellation *g_cancellation = nullptr;

constexpr char kCancelling[] = "\nburrow-cli: cancelling: the running statement is interrupted "
                               "(press Ctrl-C again to stop at once)\n";

extern "C" void requestCancel(int)
{
    if (g_cancellation)
        g_cancellation->cancel();
    (void)!write(STDERR_FILENO, kCancelling, sizeof kCancelling - 1);
}

void handle(int signal, void (*handler)(int), int flags)
{
    struct sigaction action = {};
    action.sa_handler = handler;
    action.sa_flags = flags;
    sigemptyset(&action.sa_mask);
    sigaction(signal, &action, nullptr);
}

} // namespace

CancelOnSignals::CancelOnSignals(const Cancellation &cancellation)
{
    g_cancellation = &cancellation;
    // SA_RESETHAND: the first signal cancels, the next one has its default effect.
    handle(SIGINT, requestCancel, SA_RESETHAND | SA_RESTART);
    handle(SIGTERM, requestCancel, SA_RESETHAND | SA_RESTART);
}

CancelOnSignals::~CancelOnSignals()
{
    handle(SIGINT, SIG_DFL, 0);
    handle(SIGTERM, SIG_DFL, 0);
    g_cancellation = nullptr;
}

} // namespace burrow::cli
