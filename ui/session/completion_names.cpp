#include "completion_names.h"

namespace burrow::ui {

void CompletionNames::add(const schema::Schema &schema)
{
    for (const schema::Table &t : schema.tables) {
        if (!m_seen.contains(t.name)) {
            m_seen.insert(t.name);
            tables.append(t.name);
        }
        for (const schema::Column &c : t.columns) {
            const QString key = t.name + u'.' + c.name;
            if (!m_seen.contains(key)) {
                m_seen.insert(key);
                columns[t.name].append(c.name);
            }
        }
    }
}

} // namespace burrow::ui
