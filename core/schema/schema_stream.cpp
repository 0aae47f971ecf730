#include "schema_stream.h"

#include <QDataStream>
#include <QIODevice>

#include <type_traits>

namespace burrow::schema {
namespace {

// Each struct's members, listed once for writing and reading alike. A member added to a struct
// changes its size: these asserts then fail until it is listed below (x86-64 sizes).
static_assert(sizeof(Expression) == 48);
static_assert(sizeof(Column) == 304);
static_assert(sizeof(IndexPart) == 136);
static_assert(sizeof(Index) == 184);
static_assert(sizeof(PrimaryKey) == 104);
static_assert(sizeof(UniqueConstraint) == 104);
static_assert(sizeof(ApplicationPeriod) == 72);
static_assert(sizeof(CheckConstraint) == 152);
static_assert(sizeof(ExclusionConstraint) == 96);
static_assert(sizeof(ForeignKey) == 192);
static_assert(sizeof(SqlMode) == 56);
static_assert(sizeof(Trigger) == 232);
static_assert(sizeof(Policy) == 200);
static_assert(sizeof(Table) == 688);
static_assert(sizeof(View) == 216);
static_assert(sizeof(ColumnComment) == 48);
static_assert(sizeof(EnumType) == 72);
static_assert(sizeof(Domain) == 184);
static_assert(sizeof(TypeAttribute) == 72);
static_assert(sizeof(CompositeType) == 72);
static_assert(sizeof(Sequence) == 176);
static_assert(sizeof(Event) == 304);
static_assert(sizeof(Function) == 336);
static_assert(sizeof(Extension) == 24);
static_assert(sizeof(Namespace) == 24);
static_assert(sizeof(Collation) == 128);
static_assert(sizeof(RangeType) == 72);
static_assert(sizeof(TextSearch) == 96);
static_assert(sizeof(Schema) == 360);

template<typename F> void members(Expression &e, F &&f)
{
    f(e.text, e.canonical);
}
template<typename F> void members(Column &c, F &&f)
{
    f(c.name, c.type, c.typeKey, c.notNull, c.defaultValue, c.collation, c.primaryKeyPosition,
      c.autoIncrement, c.generated, c.generatedExpression, c.comment, c.numbering, c.invisible,
      c.unversioned, c.options);
}
template<typename F> void members(IndexPart &p, F &&f)
{
    f(p.column, p.expression, p.order, p.collation, p.opclass, p.nullsOtherEnd);
}
template<typename F> void members(Index &i, F &&f)
{
    f(i.name, i.unique, i.parts, i.where, i.sql, i.comment, i.nullsNotDistinct, i.invalid,
      i.options);
}
template<typename F> void members(PrimaryKey &k, F &&f)
{
    f(k.name, k.columns, k.comment, k.deferral, k.withoutOverlaps);
}
template<typename F> void members(UniqueConstraint &u, F &&f)
{
    f(u.name, u.columns, u.comment, u.deferral, u.nullsNotDistinct, u.withoutOverlaps);
}
template<typename F> void members(CheckConstraint &c, F &&f)
{
    f(c.name, c.expression, c.comment, c.column, c.notValid, c.noInherit, c.engineName);
}
template<typename F> void members(ExclusionConstraint &x, F &&f)
{
    f(x.name, x.definition, x.comment);
}
template<typename F> void members(ForeignKey &k, F &&f)
{
    f(k.name, k.columns, k.referencedTable, k.referencedColumns, k.onDelete, k.onUpdate, k.deferral,
      k.comment, k.notValid, k.matchFull, k.engineName, k.onDeleteColumns);
}
template<typename F> void members(SqlMode &m, F &&f)
{
    f(m.own, m.reading);
}
template<typename F> void members(Trigger &t, F &&f)
{
    f(t.name, t.definition, t.comment, t.firing, t.kind, t.definer, t.moment, t.sqlMode);
}
template<typename F> void members(Policy &p, F &&f)
{
    f(p.name, p.permissive, p.command, p.roles, p.usingExpression, p.withCheck, p.comment);
}
template<typename F> void members(Table &t, F &&f)
{
    f(t.name, t.columns, t.primaryKey, t.uniques, t.checks, t.foreignKeys, t.indexes, t.triggers,
      t.withoutRowid, t.strict, t.sql, t.comment, t.collation, t.rowSecurity, t.forceRowSecurity,
      t.policies, t.partitioning, t.exclusions, t.options, t.partitionOf, t.partitionBound,
      t.systemVersioned, t.inherits, t.replicaIdentity, t.replicaIdentityIndex, t.clusterIndex,
      t.period);
}
template<typename F> void members(ApplicationPeriod &p, F &&f)
{
    f(p.name, p.start, p.end);
}
template<typename F> void members(ColumnComment &c, F &&f)
{
    f(c.column, c.comment);
}
template<typename F> void members(View &v, F &&f)
{
    f(v.name, v.definition, v.triggers, v.comment, v.indexes, v.grants, v.columnComments,
      v.definer);
}
template<typename F> void members(EnumType &e, F &&f)
{
    f(e.name, e.labels, e.comment);
}
template<typename F> void members(TypeAttribute &a, F &&f)
{
    f(a.name, a.type, a.collation);
}
template<typename F> void members(CompositeType &c, F &&f)
{
    f(c.name, c.attributes, c.comment);
}
template<typename F> void members(TextSearch &t, F &&f)
{
    f(t.name, t.source, t.settings, t.comment);
}
template<typename F> void members(RangeType &r, F &&f)
{
    f(r.name, r.definition, r.comment);
}
template<typename F> void members(Collation &c, F &&f)
{
    f(c.name, c.provider, c.locale, c.ctype, c.deterministic, c.comment);
}
template<typename F> void members(Domain &d, F &&f)
{
    f(d.name, d.type, d.notNull, d.defaultValue, d.collation, d.checks, d.comment);
}
template<typename F> void members(Sequence &s, F &&f)
{
    f(s.name, s.type, s.start, s.increment, s.minValue, s.maxValue, s.cache, s.cycle,
      s.ownedByTable, s.ownedByColumn, s.comment, s.unlogged);
}
template<typename F> void members(Event &e, F &&f)
{
    f(e.name, e.schedule, e.starts, e.ends, e.preserve, e.status, e.comment, e.body, e.definer,
      e.sqlMode, e.sql);
}
template<typename F> void members(Function &r, F &&f)
{
    f(r.name, r.routineName, r.argumentTypes, r.procedure, r.arguments, r.result, r.definition,
      r.body, r.comment, r.aggregate, r.grants, r.definer, r.sqlMode);
}
template<typename F> void members(Extension &e, F &&f)
{
    f(e.name);
}
template<typename F> void members(Namespace &n, F &&f)
{
    f(n.name);
}
template<typename F> void members(Schema &s, F &&f)
{
    f(s.tables, s.views, s.enums, s.domains, s.sequences, s.events, s.functions, s.extensions,
      s.namespaces, s.composites, s.collations, s.ranges, s.textSearchDictionaries,
      s.textSearchConfigurations, s.uncompared);
}

template<typename T>
concept Plain = std::is_same_v<T, QString> || std::is_same_v<T, bool> || std::is_same_v<T, int> ||
    std::is_same_v<T, qint64>;

template<typename T> constexpr bool isContainer = false;
template<typename T> constexpr bool isContainer<QList<T>> = true;
template<typename T> constexpr bool isContainer<std::optional<T>> = true;

/// One of the schema's structs, which members() lists.
template<typename T>
concept Struct = std::is_class_v<T> && !Plain<T> && !isContainer<T>;

class Writer {
public:
    explicit Writer(QDataStream &out)
        : m_out(out)
    {
    }

    template<typename... T> void operator()(T &...values) { (write(values), ...); }

private:
    template<Plain T> void write(const T &value) { m_out << value; }
    template<typename T>
    requires std::is_enum_v<T>
    void write(const T &value) { m_out << qint32(value); }
    template<typename T> void write(const std::optional<T> &value)
    {
        m_out << value.has_value();
        if (value)
            write(*value);
    }
    template<typename T> void write(const QList<T> &list)
    {
        m_out << qint64(list.size());
        for (const T &item : list)
            write(item);
    }
    template<Struct T> void write(const T &object)
    {
        members(const_cast<T &>(object), *this); // members() only reads through a Writer
    }

    QDataStream &m_out;
};

class Reader {
public:
    explicit Reader(QDataStream &in)
        : m_in(in)
    {
    }

    template<typename... T> void operator()(T &...values) { (read(values), ...); }

private:
    bool failed() const { return m_in.status() != QDataStream::Ok; }

    template<Plain T> void read(T &value) { m_in >> value; }
    template<typename T>
    requires std::is_enum_v<T>
    void read(T &value)
    {
        qint32 raw = 0;
        m_in >> raw;
        value = T(raw);
    }
    template<typename T> void read(std::optional<T> &value)
    {
        bool present = false;
        m_in >> present;
        value.reset();
        if (present && !failed())
            read(value.emplace());
    }
    template<typename T> void read(QList<T> &list)
    {
        qint64 size = 0;
        m_in >> size;
        list.clear();
        // A damaged count must not allocate: each item takes at least one byte.
        if (failed() || size < 0 || size > m_in.device()->bytesAvailable())
            return m_in.setStatus(QDataStream::ReadCorruptData);
        list.reserve(size);
        for (qint64 i = 0; i < size && !failed(); ++i)
            read(list.emplace_back());
    }
    template<Struct T> void read(T &object) { members(object, *this); }

    QDataStream &m_in;
};

constexpr quint32 kMagic = 0x42534348; // "BSCH"
constexpr QDataStream::Version kStreamVersion = QDataStream::Qt_6_4;

} // namespace

QByteArray toBytes(const Schema &schema)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(kStreamVersion);
    out << kMagic;
    Writer write(out);
    write(schema);
    return bytes;
}

std::optional<Schema> schemaFromBytes(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(kStreamVersion);
    quint32 magic = 0;
    in >> magic;
    if (magic != kMagic)
        return std::nullopt;
    Schema schema;
    Reader read(in);
    read(schema);
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    return schema;
}

} // namespace burrow::schema
