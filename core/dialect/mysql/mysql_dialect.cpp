#include "mysql_dialect.h"

namespace burrow::dialect::mysql {

std::unique_ptr<Dialect> makeMysqlDialect()
{
    return nullptr; // not implemented yet: dialectFor() reports Unsupported
}

} // namespace burrow::dialect::mysql
