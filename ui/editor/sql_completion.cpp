#include "sql_completion.h"

#include <QSet>

#include <algorithm>

namespace burrow::ui {

const QStringList &sqlKeywords()
{
    // The statements and clauses migrations are made of, across SQLite, PostgreSQL and MySQL;
    // the lexer's own list is several hundred words long and would drown the schema's names.
    static const QStringList keywords =
        QStringLiteral(
            "ADD ALTER AND AS ASC AUTOINCREMENT AUTO_INCREMENT BEGIN BETWEEN BIGINT BLOB BOOLEAN "
            "BY "
            "CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONSTRAINT CREATE DATE DEFAULT "
            "DEFERRABLE "
            "DELETE DESC DISTINCT DROP EACH ELSE END EXISTS FALSE FOR FOREIGN FROM GROUP HAVING IF "
            "IN INDEX INITIALLY INNER INSERT INSTEAD INTEGER INTO IS JOIN KEY LEFT LIKE LIMIT NOT "
            "NULL NUMERIC OF ON OR ORDER PRIMARY REAL REFERENCES RENAME RESTRICT ROLLBACK ROW "
            "SELECT "
            "SET TABLE TEMPORARY TEXT THEN TIMESTAMP TO TRANSACTION TRIGGER TRUE UNIQUE UPDATE "
            "USING VALUES VARCHAR VIEW WHEN WHERE WITH WITHOUT")
            .split(u' ');
    return keywords;
}

QStringList completionWords(const QStringList &tables,
                            const QHash<QString, QStringList> &columnsByTable)
{
    QStringList words = sqlKeywords() + tables;
    for (const QStringList &columns : columnsByTable)
        words += columns;
    words.removeAll(QString());
    std::sort(words.begin(), words.end(), [](const QString &a, const QString &b) {
        const int order = a.compare(b, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a < b;
    });
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

} // namespace burrow::ui
