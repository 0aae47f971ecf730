#pragma once

#include "../dialect.h"

#include <memory>

namespace burrow::dialect::mysql {

/// The MySQL dialect (see mysql_dialect.cpp).
std::unique_ptr<Dialect> makeMysqlDialect();

} // namespace burrow::dialect::mysql
