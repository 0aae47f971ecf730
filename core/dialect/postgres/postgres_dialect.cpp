#include "postgres_dialect.h"

namespace burrow::dialect::postgres {

std::unique_ptr<Dialect> makePostgresDialect()
{
    return nullptr; // not implemented yet: dialectFor() reports Unsupported
}

} // namespace burrow::dialect::postgres
