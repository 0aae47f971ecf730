#pragma once

#include <QString>

#include <array>

// Objects of the managed schemas: the one the session's search_path names (the live one or the
// model's scratch), and those the setting burrow.schemas lists (the model's other schemas,
// separated by the unit separator; unset in most sessions). The queries that name objects end
// with NULLIF(schema, current_schema()): the schema of another managed schema's object, which
// the builder puts in its name (schema::qualifiedName).
#define MANAGED(nsp)                                                                               \
    "(" nsp " = pg_catalog.current_schema() OR " nsp " = ANY (pg_catalog.string_to_array("         \
    "pg_catalog.current_setting('burrow.schemas', true), pg_catalog.chr(31)))) "

namespace burrow::dialect::postgres::queries {

/// The catalogs of what the whole database shares (no schema holds it) and Burrow neither
/// compares nor migrates: publications, foreign servers and wrappers, casts, event triggers,
/// languages, access methods, transforms.
inline constexpr std::array<QStringView, 8> kDatabaseWideCatalogs{
    u"pg_publication", u"pg_foreign_server", u"pg_foreign_data_wrapper",
    u"pg_cast",        u"pg_event_trigger",  u"pg_language",
    u"pg_am",          u"pg_transform"};

/// `classid, objid, objsubid` (0) of the rows `x` of pg_catalog's `catalog` where `condition`
/// holds: what pg_identify_object takes (postgres_uncompared.cpp).
QString objectRows(QStringView catalog, QStringView condition);

// The catalog queries, one per object kind, each over the whole current schema (never one per
// table). Every relation is keyed by its oid; rows come ordered by oid, then position or name.

/// oid, name, comment, row-level security enabled, forced, partition key (pg_get_partkeydef),
/// parent and bound (pg_get_expr) of a partition, of each ordinary or partitioned table and
/// partition.
const QString &tables();
/// table oid, name, format_type, NOT NULL, default (pg_get_expr), attidentity, attgenerated,
/// non-default collation, whether a sequence is owned by the column (serial), comment, an
/// identity column's sequence as JSON [type, start, increment, min, max, cache, cycle] (numbers
/// as text: bigint does not fit a JSON double). Partitions' columns are their parents'.
const QString &columns();
/// table oid, name, contype (p/u/c/f), columns (JSON), referenced table, referenced columns
/// (JSON), confdeltype, confupdtype, deferrable, deferred, check expression, comment, NOT VALID,
/// an exclusion's pg_get_constraintdef, NO INHERIT, MATCH FULL, NULLS NOT DISTINCT,
/// current_schema(), the referenced table's schema, ON DELETE SET NULL/DEFAULT's columns (JSON). A
/// partition's constraints cloned or inherited from its parent excluded.
const QString &constraints();
/// table oid, index name, unique, pg_get_indexdef, predicate, parts as a JSON array of
/// [column, expression, descending, collation, non-default operator class], comment, NULLS NOT
/// DISTINCT; of tables and materialized views; indexes backing constraints, and a partition's
/// indexes attached to its parent's, excluded.
const QString &indexes();
/// name, pg_get_viewdef, reloptions, relkind (v, or m for a materialized view), comment, oid.
const QString &views();
/// Triggers, rules and extended statistics: owner (table or view) name, name, the CREATE
/// statement, comment, schema, tgenabled or ev_enabled (statistics: `SET STATISTICS n` where
/// not the default), kind (t, r or s), owner oid; internal triggers, a partition's triggers
/// cloned from its parent's, and views' _RETURN rules excluded.
const QString &triggers();
/// Enums, domains, composite and range types: name, typtype (e/d/c/r), enum labels in sort
/// order (JSON), domain base type, NOT NULL, default, non-default collation, checks as JSON
/// [[name, expression], …], comment, schema, a composite's attributes as JSON
/// [[name, type, non-default collation], …], a range's parameters (`SUBTYPE = …, …`).
const QString &types();
/// Stand-alone sequences: name, type, start, increment, min, max, cache, cycle, owning table
/// and column (null when owned by none).
const QString &sequences();
/// Functions, procedures and aggregates (not those of extensions, nor a range's constructors):
/// identity `quote_ident(name)(types)`, name, argument types, whether a procedure,
/// pg_get_function_arguments, pg_get_function_result, pg_get_functiondef (an aggregate's built
/// alike), quote_ident(schema), the body (prosrc; null for an aggregate), comment, schema,
/// whether an aggregate, the grantees of EXECUTE other than the owner as JSON (`PUBLIC`,
/// `"app" WITH GRANT OPTION`; null for the default privileges).
const QString &functions();

/// Collations: name, provider (c for libc, i for ICU), locale (ICU's, or LC_COLLATE), LC_CTYPE,
/// deterministic, comment, schema.
const QString &collations();

/// Text search dictionaries, then configurations: whether a dictionary, name, schema, template
/// or parser, settings as JSON (a dictionary's options, a configuration's mappings
/// `token WITH dict, …`), comment.
const QString &textSearch();

/// Row-level security policies: table oid, name, permissive, polcmd (*, r, a, w, d), roles as
/// JSON (`public` for PUBLIC), USING and WITH CHECK (pg_get_expr), comment.
const QString &policies();

/// One row per object Burrow neither compares nor migrates: operators and their classes and
/// families, conversions, text search parsers and templates, foreign tables (of the managed
/// schemas), publications, foreign servers and wrappers, casts, event triggers, languages,
/// access methods, transforms (of the database, user-made; in a transaction that wrote, the
/// ones it made: a model's). Extensions' own left out. Its kind and identity, the compared
/// schema's name left out: `operator ===(pt,pt)` (postgres_uncompared.cpp).
const QString &uncompared();

} // namespace burrow::dialect::postgres::queries
