#pragma once

#include "../dialect.h"

#include <memory>

namespace burrow::dialect::postgres {

/// The PostgreSQL dialect (see postgres_dialect.cpp).
std::unique_ptr<Dialect> makePostgresDialect();

} // namespace burrow::dialect::postgres
