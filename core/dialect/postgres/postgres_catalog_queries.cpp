#include "postgres_catalog_queries_p.h"

#define IN_SCHEMA                                                                                  \
    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE " MANAGED("n.nspname")
// Ordinary and partitioned tables, partitions included (tables of their own).
#define TABLE_KINDS "c.relkind IN ('r', 'p') "
// A partition's columns are its parent's: they are read with the parent only.
#define NOT_PARTITION "NOT c.relispartition "
// What a partition holds because its parent does: constraints cloned from the parent's
// (conparentid) or inherited (coninhcount), and indexes attached to the parent's index. They
// come and go with the parent's, never on their own. (A foreign key to a partitioned table has
// clones per partition too, on the referencing table: conparentid leaves those out as well.)
// Likewise a child's (INHERITS) CHECKs that are its parents', also those it declares too.
#define OWN_CONSTRAINT "con.conparentid = 0 AND con.coninhcount = 0 "
#define OWN_INDEX                                                                                  \
    "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits ih WHERE ih.inhrelid = i.indexrelid) "
// The comment on a relation (objsubid 0) or on one of its columns (its attnum).
#define DESCRIPTION(alias, oid, subid)                                                             \
    "LEFT JOIN pg_catalog.pg_description " alias " ON " alias ".objoid = " oid " AND " alias       \
    ".classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND " alias ".objsubid = " subid " "
// The comment on an object of another catalog (a constraint, trigger or type).
#define DESCRIPTION_OF(alias, oid, catalog)                                                        \
    "LEFT JOIN pg_catalog.pg_description " alias " ON " alias ".objoid = " oid " AND " alias       \
    ".classoid = '" catalog "'::pg_catalog.regclass AND " alias ".objsubid = 0 "
// An object's owner, quoted, where it is not the role the migration runs as (whose objects,
// dropped and created again, stay its own).
#define OWNER_UNLESS_CURRENT_USER(owner)                                                           \
    "pg_catalog.quote_ident(NULLIF(pg_catalog.pg_get_userbyid(" owner "), CURRENT_USER))"
// Not made by the engine for another object (a range type's constructors).
#define NOT_INTERNAL(oid)                                                                          \
    "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend xi WHERE xi.classid = "                        \
    "'pg_catalog.pg_proc'::pg_catalog.regclass AND xi.objid = " oid " AND xi.deptype = 'i') "
// Not a member of an extension (whose objects the extension's script manages).
#define NOT_FROM_EXTENSION(classid, oid)                                                           \
    "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = '" classid                 \
    "'::pg_catalog.regclass AND x.objid = " oid " AND x.deptype = 'e') "

// A range type's parameters, those of the defaults left out but the multirange's name (as
// regtype: qualified where not the session's schema's).
#define RANGE_DEFINITION                                                                           \
    "(SELECT pg_catalog.concat_ws(', ', 'SUBTYPE = ' || pg_catalog.format_type(r.rngsubtype, "     \
    "NULL), CASE WHEN NOT oc.opcdefault THEN 'SUBTYPE_OPCLASS = ' || "                             \
    "pg_catalog.quote_ident(oc.opcname) END, CASE WHEN r.rngcollation <> st.typcollation THEN "    \
    "'COLLATION = ' || pg_catalog.quote_ident(rc.collname) END, CASE WHEN r.rngcanonical <> 0 "    \
    "THEN 'CANONICAL = ' || r.rngcanonical::pg_catalog.regproc END, CASE WHEN r.rngsubdiff <> 0 "  \
    "THEN 'SUBTYPE_DIFF = ' || r.rngsubdiff::pg_catalog.regproc END, 'MULTIRANGE_TYPE_NAME = ' "   \
    "|| r.rngmultitypid::pg_catalog.regtype) "                                                     \
    "FROM pg_catalog.pg_range r JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype "              \
    "JOIN pg_catalog.pg_opclass oc ON oc.oid = r.rngsubopc "                                       \
    "LEFT JOIN pg_catalog.pg_collation rc ON rc.oid = r.rngcollation WHERE r.rngtypid = t.oid) "

// An aggregate's CREATE statement, spelled as pg_get_functiondef spells a function's (which
// refuses aggregates): its parameters, those of the defaults left out.
#define FINAL_MODIFY(column)                                                                       \
    "CASE WHEN " column " <> CASE a.aggkind WHEN 'n' THEN 'r' ELSE 'w' END THEN CASE " column      \
    " WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END"
#define AGGREGATE_DEFINITION                                                                       \
    "(SELECT 'CREATE OR REPLACE AGGREGATE ' || pg_catalog.quote_ident(n.nspname) || '.' || "       \
    "pg_catalog.quote_ident(p.proname) || '(' || CASE WHEN p.pronargs = 0 THEN '*' "               \
    "ELSE pg_catalog.pg_get_function_arguments(p.oid) END || ') (' || pg_catalog.concat_ws(', ', " \
    "'SFUNC = ' || a.aggtransfn::pg_catalog.regproc, "                                             \
    "'STYPE = ' || pg_catalog.format_type(a.aggtranstype, NULL), "                                 \
    "'SSPACE = ' || NULLIF(a.aggtransspace, 0), "                                                  \
    "'FINALFUNC = ' || NULLIF(a.aggfinalfn, 0)::pg_catalog.regproc, "                              \
    "CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END, "                                       \
    "CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC_MODIFY = ' || " FINAL_MODIFY(                     \
        "a.aggfinalmodify") " END, 'COMBINEFUNC = ' || NULLIF(a.aggcombinefn, "                    \
                            "0)::pg_catalog.regproc, "                                             \
                            "'SERIALFUNC = ' || NULLIF(a.aggserialfn, 0)::pg_catalog.regproc, "    \
                            "'DESERIALFUNC = ' || NULLIF(a.aggdeserialfn, "                        \
                            "0)::pg_catalog.regproc, "                                             \
                            "'INITCOND = ' || pg_catalog.quote_literal(a.agginitval), "            \
                            "'MSFUNC = ' || NULLIF(a.aggmtransfn, 0)::pg_catalog.regproc, "        \
                            "'MINVFUNC = ' || NULLIF(a.aggminvtransfn, 0)::pg_catalog.regproc, "   \
                            "'MSTYPE = ' || pg_catalog.format_type(NULLIF(a.aggmtranstype, 0), "   \
                            "NULL), "                                                              \
                            "'MSSPACE = ' || NULLIF(a.aggmtransspace, 0), "                        \
                            "'MFINALFUNC = ' || NULLIF(a.aggmfinalfn, 0)::pg_catalog.regproc, "    \
                            "CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END, "             \
                            "CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC_MODIFY = ' "            \
                            "|| " FINAL_MODIFY(                                                    \
                                "a.aggmfinalmodify") " END, 'MINITCOND = ' || "                    \
                                                     "pg_catalog.quote_literal(a.aggminitval), "   \
                                                     "'SORTOP = ' || (SELECT o.oprname FROM "      \
                                                     "pg_catalog.pg_operator o WHERE o.oid = "     \
                                                     "a.aggsortop), "                              \
                                                     "CASE WHEN a.aggkind = 'h' THEN "             \
                                                     "'HYPOTHETICAL' END, "                        \
                                                     "CASE p.proparallel WHEN 's' THEN 'PARALLEL " \
                                                     "= SAFE' WHEN 'r' THEN 'PARALLEL = "          \
                                                     "RESTRICTED' "                                \
                                                     "END) || ')' FROM pg_catalog.pg_aggregate a " \
                                                     "WHERE a.aggfnoid = p.oid)"

namespace burrow::dialect::postgres::queries {

const QString &tables()
{
    static const QString sql = QStringLiteral(
        "SELECT c.oid::bigint, c.relname, ds.description, c.relrowsecurity, "
        "c.relforcerowsecurity, CASE WHEN c.relkind = 'p' THEN "
        "pg_catalog.pg_get_partkeydef(c.oid) END, "
        "NULLIF(n.nspname, pg_catalog.current_schema()), p.relname, "
        "CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END, "
        "NULLIF(pn.nspname, pg_catalog.current_schema()), c.relpersistence = 'u', "
        // The table's storage parameters, then its TOAST table's, which CREATE and ALTER TABLE
        // set as toast.name.
        "pg_catalog.array_to_string(c.reloptions || (SELECT pg_catalog.array_agg('toast.' || o) "
        "FROM pg_catalog.pg_class tc, pg_catalog.unnest(tc.reloptions) AS o "
        "WHERE tc.oid = c.reltoastrelid), ', '), "
        // The parents of a child (INHERITS), as [schema, name] pairs in their order.
        "(SELECT pg_catalog.json_agg(pg_catalog.json_build_array("
        "NULLIF(hn.nspname, pg_catalog.current_schema()), h.relname) ORDER BY hi.inhseqno) "
        "FROM pg_catalog.pg_inherits hi JOIN pg_catalog.pg_class h ON h.oid = hi.inhparent "
        "JOIN pg_catalog.pg_namespace hn ON hn.oid = h.relnamespace "
        "WHERE hi.inhrelid = c.oid AND NOT c.relispartition), "
        "c.relreplident, (SELECT ri.relname FROM pg_catalog.pg_index x "
        "JOIN pg_catalog.pg_class ri ON ri.oid = x.indexrelid "
        "WHERE x.indrelid = c.oid AND x.indisreplident), "
        "(SELECT ci.relname FROM pg_catalog.pg_index x "
        "JOIN pg_catalog.pg_class ci ON ci.oid = x.indexrelid "
        "WHERE x.indrelid = c.oid AND x.indisclustered) "
        "FROM pg_catalog.pg_class c "
        // A partition's parent (one row in pg_inherits; other inheritance is not read).
        "LEFT JOIN pg_catalog.pg_inherits ih ON c.relispartition AND ih.inhrelid = c.oid "
        "LEFT JOIN pg_catalog.pg_class p ON p.oid = ih.inhparent "
        "LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace " DESCRIPTION(
            "ds", "c.oid", "0") IN_SCHEMA "AND " TABLE_KINDS "ORDER BY c.oid");
    return sql;
}

const QString &columns()
{
    // A serial column is an integer whose default calls nextval on a sequence the column owns
    // (pg_depend deptype 'a'); identity columns own theirs with deptype 'i'.
    static const QString sql = QStringLiteral(
        "SELECT a.attrelid::bigint, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), "
        "a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated, "
        "CASE WHEN a.attcollation <> t.typcollation THEN co.collname END, "
        "EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep "
        "JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S' "
        "WHERE dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass "
        "AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass "
        "AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND dep.deptype = 'a'), "
        "ds.description, "
        "(SELECT pg_catalog.json_build_array(pg_catalog.format_type(s.seqtypid, NULL), "
        "s.seqstart::text, s.seqincrement::text, s.seqmin::text, s.seqmax::text, "
        "s.seqcache::text, s.seqcycle) "
        "FROM pg_catalog.pg_depend idep "
        "JOIN pg_catalog.pg_sequence s ON s.seqrelid = idep.objid "
        "WHERE idep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass "
        "AND idep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass "
        "AND idep.refobjid = a.attrelid AND idep.refobjsubid = a.attnum "
        "AND idep.deptype = 'i'), "
        // Column::options (postgres_column_options.h): storage other than the type's,
        // compression method, statistics target, attribute options (n_distinct) sorted.
        "pg_catalog.concat_ws(' ', CASE WHEN a.attstorage <> t.typstorage THEN 'STORAGE ' || "
        "CASE a.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' "
        "ELSE 'EXTENDED' END END, CASE a.attcompression WHEN 'p' THEN 'COMPRESSION pglz' "
        "WHEN 'l' THEN 'COMPRESSION lz4' END, "
        "CASE WHEN a.attstattarget >= 0 THEN 'STATISTICS ' || a.attstattarget END, "
        "(SELECT 'SET (' || pg_catalog.string_agg(o, ',' ORDER BY o) || ')' "
        "FROM pg_catalog.unnest(a.attoptions) AS o)) "
        "FROM pg_catalog.pg_attribute a "
        "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
        "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
        "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation " DESCRIPTION(
            "ds", "a.attrelid", "a.attnum") IN_SCHEMA "AND " TABLE_KINDS "AND " NOT_PARTITION
                                                      "AND a.attnum > 0 AND NOT a.attisdropped "
                                                      "AND a.attinhcount = 0 "
                                                      "ORDER BY a.attrelid, a.attnum");
    return sql;
}

const QString &constraints()
{
    static const QString sql = QStringLiteral(
        "SELECT con.conrelid::bigint, con.conname, con.contype, "
        "(SELECT pg_catalog.json_agg(a.attname ORDER BY k.ord) "
        "FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord) "
        "JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum), "
        "f.relname, "
        "(SELECT pg_catalog.json_agg(a.attname ORDER BY k.ord) "
        "FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord) "
        "JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum), "
        "con.confdeltype, con.confupdtype, con.condeferrable, con.condeferred, "
        "CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END, "
        "dcon.description, NOT con.convalidated, "
        "CASE WHEN con.contype = 'x' THEN pg_catalog.pg_get_constraintdef(con.oid, true) END, "
        "con.connoinherit, con.confmatchtype = 'f', "
        // indnullsnotdistinct is PostgreSQL 15's: read through JSON, older servers lack it.
        "COALESCE((SELECT (pg_catalog.to_jsonb(ix) ->> 'indnullsnotdistinct')::boolean "
        "FROM pg_catalog.pg_index ix WHERE ix.indexrelid = con.conindid), false), "
        "pg_catalog.current_schema(), NULLIF(fn.nspname, pg_catalog.current_schema()), "
        // confdelsetcols is PostgreSQL 15's: read through JSON as well.
        "(SELECT pg_catalog.json_agg(a.attname ORDER BY k.ord) FROM "
        "pg_catalog.jsonb_array_elements_text(COALESCE(NULLIF(pg_catalog.to_jsonb(con) -> "
        "'confdelsetcols', 'null'::pg_catalog.jsonb), '[]'::pg_catalog.jsonb)) "
        "WITH ORDINALITY AS k(attnum, ord) JOIN pg_catalog.pg_attribute a ON "
        "a.attrelid = con.conrelid AND a.attnum = k.attnum::pg_catalog.int2) "
        "FROM pg_catalog.pg_constraint con "
        "JOIN pg_catalog.pg_class c ON c.oid = con.conrelid "
        "LEFT JOIN pg_catalog.pg_class f ON f.oid = con.confrelid "
        "LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = f.relnamespace " DESCRIPTION_OF(
            "dcon", "con.oid", "pg_catalog.pg_constraint") IN_SCHEMA
        "AND " TABLE_KINDS "AND " OWN_CONSTRAINT "AND con.contype IN ('p', 'u', 'c', 'f', 'x') "
        "ORDER BY con.conrelid, con.conname");
    return sql;
}

const QString &indexes()
{
    // A part's collation is named only where it is not the column's (or the database's).
    static const QString sql = QStringLiteral(
        "SELECT i.indrelid::bigint, ic.relname, i.indisunique, "
        "pg_catalog.pg_get_indexdef(i.indexrelid), pg_catalog.pg_get_expr(i.indpred, i.indrelid), "
        "(SELECT pg_catalog.json_agg(pg_catalog.json_build_array("
        "CASE WHEN i.indkey[k.n - 1] <> 0 THEN a.attname END, "
        "CASE WHEN i.indkey[k.n - 1] = 0 "
        "THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.n, true) END, "
        "(i.indoption[k.n - 1] & 1) = 1, "
        "CASE WHEN i.indcollation[k.n - 1] NOT IN (0, 100) "
        "AND i.indcollation[k.n - 1] <> COALESCE(a.attcollation, 0) THEN co.collname END, "
        "CASE WHEN NOT oc.opcdefault THEN oc.opcname END, "
        "(i.indoption[k.n - 1] & 2) = 2) " // NULLS FIRST
        "ORDER BY k.n) "
        "FROM pg_catalog.generate_series(1, i.indnkeyatts) AS k(n) "
        "LEFT JOIN pg_catalog.pg_attribute a "
        "ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n - 1] "
        "LEFT JOIN pg_catalog.pg_collation co ON co.oid = i.indcollation[k.n - 1] "
        "LEFT JOIN pg_catalog.pg_opclass oc ON oc.oid = i.indclass[k.n - 1]), "
        "di.description, "
        "COALESCE((pg_catalog.to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false), "
        "am.amname, (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' "
        "ORDER BY k.n) FROM pg_catalog.generate_series(i.indnkeyatts + 1, i.indnatts) AS k(n) "
        "JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid "
        "AND a.attnum = i.indkey[k.n - 1]), pg_catalog.array_to_string(ic.reloptions, ', '), "
        "NOT i.indisvalid "
        "FROM pg_catalog.pg_index i "
        "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
        "JOIN pg_catalog.pg_am am ON am.oid = ic.relam "
        "JOIN pg_catalog.pg_class c ON c.oid = i.indrelid " DESCRIPTION("di", "i.indexrelid", "0")
            IN_SCHEMA "AND c.relkind IN ('r', 'p', 'm') AND " OWN_INDEX
                      "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con "
                      "WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid "
                      "AND con.contype IN ('p', 'u', 'x')) "
                      "ORDER BY i.indrelid, ic.relname");
    return sql;
}

// clang-format off
const QString &views()
{
    static const QString sql =
        QStringLiteral("SELECT c.relname, pg_catalog.pg_get_viewdef(c.oid, true), "
                       "pg_catalog.array_to_string(c.reloptions, ', '), c.relkind, dv.description, "
                       "NULLIF(n.nspname, pg_catalog.current_schema()), c.oid::bigint, "
                       // [privileges, grantee, grantable] of each grant to a role but the owner
                       "(SELECT pg_catalog.json_agg(pg_catalog.json_build_array(g.privileges, "
                       "g.grantee, g.grantable)) FROM (SELECT pg_catalog.string_agg("
                       "a.privilege_type, ', ' ORDER BY a.privilege_type) AS privileges, "
                       "CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident("
                       "pg_catalog.pg_get_userbyid(a.grantee)) END AS grantee, "
                       "a.is_grantable AS grantable FROM pg_catalog.aclexplode(c.relacl) a "
                       "WHERE a.grantee <> c.relowner GROUP BY a.grantee, a.is_grantable) g), "
                       // [column, comment] of each column commented
                       "(SELECT pg_catalog.json_agg(pg_catalog.json_build_array(a.attname, "
                       "d.description) ORDER BY a.attnum) FROM pg_catalog.pg_attribute a "
                       "JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = "
                       "a.attnum AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass "
                       "WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), "
                       OWNER_UNLESS_CURRENT_USER("c.relowner")
                       " FROM pg_catalog.pg_class c " DESCRIPTION("dv", "c.oid", "0") IN_SCHEMA
                       "AND c.relkind IN ('v', 'm') ORDER BY c.oid");
    return sql;
}
// clang-format on

// clang-format off
const QString &triggers()
{
    // Pretty pg_get_triggerdef and pg_get_ruledef leave out the schema of what the search_path
    // reaches. A view's _RETURN rule is its definition. Statistics are named with their schema
    // only where not the session's (pg_get_statisticsobjdef always names it), their kinds only
    // where not all of them.
    static const QString sql = QStringLiteral(
        "SELECT c.relname, t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), "
        "dt.description, NULLIF(n.nspname, pg_catalog.current_schema()), t.tgenabled::text, 't', "
        "c.oid FROM pg_catalog.pg_trigger t "
        "JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid "
        DESCRIPTION_OF("dt", "t.oid", "pg_catalog.pg_trigger") IN_SCHEMA
        "AND NOT t.tgisinternal AND t.tgparentid = 0 AND c.relkind IN ('r', 'p', 'v') "
        "UNION ALL SELECT c.relname, r.rulename, pg_catalog.pg_get_ruledef(r.oid, true), "
        "dr.description, NULLIF(n.nspname, pg_catalog.current_schema()), r.ev_enabled::text, 'r', "
        "c.oid FROM pg_catalog.pg_rewrite r "
        "JOIN pg_catalog.pg_class c ON c.oid = r.ev_class "
        DESCRIPTION_OF("dr", "r.oid", "pg_catalog.pg_rewrite") IN_SCHEMA
        "AND r.rulename <> '_RETURN' AND c.relkind IN ('r', 'p', 'v') "
        "UNION ALL SELECT c.relname, s.stxname, 'CREATE STATISTICS ' || "
        "CASE WHEN s.stxnamespace <> pg_catalog.to_regnamespace(pg_catalog.current_schema()) "
        "THEN s.stxnamespace::pg_catalog.regnamespace::text || '.' "
        "ELSE '' END || pg_catalog.quote_ident(s.stxname) || "
        "COALESCE((SELECT ' (' || pg_catalog.string_agg("
        "CASE k WHEN 'd' THEN 'ndistinct' WHEN 'f' THEN 'dependencies' ELSE 'mcv' END, ', ' "
        "ORDER BY i) || ')' FROM pg_catalog.unnest(s.stxkind) WITH ORDINALITY u(k, i) "
        "WHERE k <> 'e' HAVING pg_catalog.count(*) BETWEEN 1 AND 2), '') || ' ON ' || "
        "pg_catalog.pg_get_statisticsobjdef_columns(s.oid) || ' FROM ' || "
        "c.oid::pg_catalog.regclass, ds.description, "
        "NULLIF(n.nspname, pg_catalog.current_schema()), "
        "'SET STATISTICS ' || NULLIF(s.stxstattarget, -1), 's', c.oid "
        "FROM pg_catalog.pg_statistic_ext s JOIN pg_catalog.pg_class c ON c.oid = s.stxrelid "
        DESCRIPTION_OF("ds", "s.oid", "pg_catalog.pg_statistic_ext") IN_SCHEMA
        "AND c.relkind IN ('r', 'p') "
        "ORDER BY 8, 7, 2");
    return sql;
}

const QString &types()
{
    // A domain's or an attribute's collation is named only where it is not its type's. Tables'
    // row types are composite too: only those of CREATE TYPE (relkind 'c') are read.
    static const QString sql = QStringLiteral(
        "SELECT t.typname, t.typtype, "
        "(SELECT pg_catalog.json_agg(e.enumlabel ORDER BY e.enumsortorder) "
        "FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid), "
        "pg_catalog.format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault, "
        "CASE WHEN t.typcollation <> bt.typcollation THEN co.collname END, "
        "(SELECT pg_catalog.json_agg(pg_catalog.json_build_array(con.conname, "
        "pg_catalog.pg_get_expr(con.conbin, 0)) ORDER BY con.conname) "
        "FROM pg_catalog.pg_constraint con WHERE con.contypid = t.oid AND con.contype = 'c'), "
        "dty.description, NULLIF(n.nspname, pg_catalog.current_schema()), "
        "(SELECT pg_catalog.json_agg(pg_catalog.json_build_array(a.attname, "
        "pg_catalog.format_type(a.atttypid, a.atttypmod), CASE WHEN a.attcollation <> "
        "at.typcollation THEN ac.collname END) ORDER BY a.attnum) "
        "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type at ON at.oid = a.atttypid "
        "LEFT JOIN pg_catalog.pg_collation ac ON ac.oid = a.attcollation "
        "WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), " RANGE_DEFINITION
        "FROM pg_catalog.pg_type t "
        DESCRIPTION_OF("dty", "t.oid", "pg_catalog.pg_type")
        "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
        "LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype "
        "LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation "
        "WHERE " MANAGED("n.nspname")
        "AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND (SELECT c.relkind "
        "FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c')) "
        "AND " NOT_FROM_EXTENSION("pg_catalog.pg_type", "t.oid") "ORDER BY t.oid");
    return sql;
}

const QString &sequences()
{
    // Left out: identity columns' sequences (dependency 'i') and serial columns' (owned,
    // dependency 'a', by a column whose default depends on the sequence), which are the
    // columns' autoIncrement.
    static const QString sql = QStringLiteral(
        "SELECT c.relname, pg_catalog.format_type(s.seqtypid, NULL), s.seqstart, "
        "s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle, o.relname, oa.attname, "
        "NULLIF(n.nspname, pg_catalog.current_schema()), "
        "NULLIF(onsp.nspname, pg_catalog.current_schema()), dsq.description, "
        "c.relpersistence = 'u' "
        "FROM pg_catalog.pg_class c "
        "JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid "
        "LEFT JOIN pg_catalog.pg_depend d ON d.classid = "
        "'pg_catalog.pg_class'::pg_catalog.regclass "
        "AND d.objid = c.oid AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass "
        "AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0 "
        "LEFT JOIN pg_catalog.pg_class o ON o.oid = d.refobjid "
        "LEFT JOIN pg_catalog.pg_namespace onsp ON onsp.oid = o.relnamespace "
        "LEFT JOIN pg_catalog.pg_attribute oa "
        "ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid "
        DESCRIPTION("dsq", "c.oid", "0") IN_SCHEMA
        "AND c.relkind = 'S' AND " NOT_FROM_EXTENSION("pg_catalog.pg_class", "c.oid")
        "AND d.deptype IS DISTINCT FROM 'i' "
        "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attrdef ad JOIN pg_catalog.pg_depend dd "
        "ON dd.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND dd.objid = ad.oid "
        "WHERE d.deptype = 'a' AND dd.refobjid = c.oid "
        "AND ad.adrelid = d.refobjid AND ad.adnum = d.refobjsubid) "
        "ORDER BY c.oid");
    return sql;
}

const QString &functions()
{
    // Functions, procedures and aggregates (not window functions, which only C can define).
    static const QString sql = QStringLiteral(
        "SELECT pg_catalog.quote_ident(p.proname) || '(' || "
        "pg_catalog.oidvectortypes(p.proargtypes) || ')', p.proname, "
        "pg_catalog.oidvectortypes(p.proargtypes), p.prokind = 'p', "
        "pg_catalog.pg_get_function_arguments(p.oid), pg_catalog.pg_get_function_result(p.oid), "
        "CASE WHEN p.prokind = 'a' THEN " AGGREGATE_DEFINITION
        " ELSE pg_catalog.pg_get_functiondef(p.oid) END, pg_catalog.quote_ident(n.nspname), "
        "CASE WHEN p.prokind <> 'a' THEN p.prosrc END, dp.description, "
        "NULLIF(n.nspname, pg_catalog.current_schema()), p.prokind = 'a', "
        "CASE WHEN p.proacl IS NOT NULL THEN COALESCE((SELECT pg_catalog.json_agg("
        "CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident("
        "pg_catalog.pg_get_userbyid(a.grantee)) END || CASE WHEN a.is_grantable "
        "THEN ' WITH GRANT OPTION' ELSE '' END ORDER BY a.grantee) "
        "FROM pg_catalog.aclexplode(p.proacl) a WHERE a.grantee <> p.proowner), '[]') END, "
        OWNER_UNLESS_CURRENT_USER("p.proowner")
        " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
        DESCRIPTION_OF("dp", "p.oid", "pg_catalog.pg_proc")
        "WHERE " MANAGED("n.nspname") "AND p.prokind IN ('f', 'p', 'a') AND " NOT_INTERNAL("p.oid")
        "AND " NOT_FROM_EXTENSION("pg_catalog.pg_proc", "p.oid") "ORDER BY p.oid");
    return sql;
}
// clang-format on

const QString &collations()
{
    // ICU's locale column is colliculocale in 15 and 16, colllocale from 17: read through JSON,
    // whichever this server has.
    // clang-format off
    static const QString sql = QStringLiteral(
        "SELECT c.collname, c.collprovider, COALESCE(pg_catalog.to_jsonb(c) ->> 'colllocale', "
        "pg_catalog.to_jsonb(c) ->> 'colliculocale', c.collcollate), "
        "CASE WHEN c.collprovider = 'c' THEN c.collctype END, c.collisdeterministic, "
        "dco.description, NULLIF(n.nspname, pg_catalog.current_schema()) "
        "FROM pg_catalog.pg_collation c "
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace "
        DESCRIPTION_OF("dco", "c.oid", "pg_catalog.pg_collation")
        "WHERE " MANAGED("n.nspname")
        "AND " NOT_FROM_EXTENSION("pg_catalog.pg_collation", "c.oid")
        "ORDER BY c.oid");
    // clang-format on
    return sql;
}

// A template or parser of pg_catalog is named alone, any other with its schema.
#define TS_NAME(schema, name)                                                                      \
    "CASE WHEN " schema " = 'pg_catalog' THEN '' ELSE pg_catalog.quote_ident(" schema ") || '.' "  \
    "END || pg_catalog.quote_ident(" name ")"

const QString &textSearch()
{
    // A configuration's mappings in its parser's token order, each token's dictionaries in
    // theirs (regdictionary: with its schema where the search_path does not reach it).
    // clang-format off
    static const QString sql = QStringLiteral(
        "SELECT true, d.dictname, NULLIF(n.nspname, pg_catalog.current_schema()), "
        TS_NAME("tn.nspname", "t.tmplname") ", "
        "pg_catalog.to_json(pg_catalog.string_to_array(d.dictinitoption, ', ')), dd.description, "
        "d.oid FROM pg_catalog.pg_ts_dict d "
        "JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace "
        "JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate "
        "JOIN pg_catalog.pg_namespace tn ON tn.oid = t.tmplnamespace "
        DESCRIPTION_OF("dd", "d.oid", "pg_catalog.pg_ts_dict")
        "WHERE " MANAGED("n.nspname") "AND " NOT_FROM_EXTENSION("pg_catalog.pg_ts_dict", "d.oid")
        "UNION ALL SELECT false, c.cfgname, NULLIF(n.nspname, pg_catalog.current_schema()), "
        TS_NAME("pn.nspname", "p.prsname") ", "
        "(SELECT pg_catalog.json_agg(tt.alias || ' WITH ' || (SELECT pg_catalog.string_agg("
        "m.mapdict::pg_catalog.regdictionary::text, ', ' ORDER BY m.mapseqno) "
        "FROM pg_catalog.pg_ts_config_map m WHERE m.mapcfg = c.oid "
        "AND m.maptokentype = tt.tokid) ORDER BY tt.tokid) "
        "FROM pg_catalog.ts_token_type(c.cfgparser) tt WHERE EXISTS (SELECT 1 "
        "FROM pg_catalog.pg_ts_config_map m WHERE m.mapcfg = c.oid "
        "AND m.maptokentype = tt.tokid)), dc.description, c.oid "
        "FROM pg_catalog.pg_ts_config c "
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace "
        "JOIN pg_catalog.pg_ts_parser p ON p.oid = c.cfgparser "
        "JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace "
        DESCRIPTION_OF("dc", "c.oid", "pg_catalog.pg_ts_config")
        "WHERE " MANAGED("n.nspname") "AND " NOT_FROM_EXTENSION("pg_catalog.pg_ts_config", "c.oid")
        "ORDER BY 1 DESC, 7");
    // clang-format on
    return sql;
}

const QString &policies()
{
    // polroles holds 0 for PUBLIC; expressions in the engine's normalized spelling.
    static const QString sql =
        QStringLiteral("SELECT pol.polrelid::bigint, pol.polname, pol.polpermissive, pol.polcmd, "
                       "(SELECT pg_catalog.json_agg(CASE WHEN r.oid = 0 THEN 'public' "
                       "ELSE pg_catalog.pg_get_userbyid(r.oid) END) "
                       "FROM pg_catalog.unnest(pol.polroles) AS r(oid)), "
                       "pg_catalog.pg_get_expr(pol.polqual, pol.polrelid), "
                       "pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid), dpol.description "
                       "FROM pg_catalog.pg_policy pol "
                       "JOIN pg_catalog.pg_class c ON c.oid = pol.polrelid " DESCRIPTION_OF(
                           "dpol", "pol.oid", "pg_catalog.pg_policy") IN_SCHEMA
                       "AND " TABLE_KINDS "ORDER BY pol.polrelid, pol.polname");
    return sql;
}

} // namespace burrow::dialect::postgres::queries

#undef MANAGED
#undef IN_SCHEMA
#undef TABLE_KINDS
#undef NOT_PARTITION
#undef OWN_CONSTRAINT
#undef OWN_INDEX
#undef DESCRIPTION
#undef DESCRIPTION_OF
#undef NOT_FROM_EXTENSION
