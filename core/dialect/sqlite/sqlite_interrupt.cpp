#include "sqlite_interrupt.h"

#include "sqlite_database.h"

#include <sqlite3.h>

namespace burrow::dialect::sqlite {
namespace {

// How many virtual machine instructions run between two looks at the flag: about a
// millisecond's work, so cancelling is prompt and the check costs nothing measurable.
constexpr int kInstructionsBetweenChecks = 10000;

int stopWhenCancelled(void *flag)
{
    return static_cast<const std::atomic<bool> *>(flag)->load(std::memory_order_relaxed) ? 1 : 0;
}

} // namespace

InterruptOnCancel::InterruptOnCancel(const QSqlDatabase &db, Cancellation cancellation)
    : m_handle(nativeHandle(db))
    , m_cancellation(std::move(cancellation))
{
    if (m_handle)
        sqlite3_progress_handler(static_cast<sqlite3 *>(m_handle), kInstructionsBetweenChecks,
                                 stopWhenCancelled,
                                 const_cast<std::atomic<bool> *>(m_cancellation.flag()));
}

InterruptOnCancel::~InterruptOnCancel()
{
    if (m_handle)
        sqlite3_progress_handler(static_cast<sqlite3 *>(m_handle), 0, nullptr, nullptr);
}

} // namespace burrow::dialect::sqlite
