// parseModelSource: what each --model entry is; resolveModelSource / portableModelSource: how a
// workspace keeps entries (absolute in memory, relative inside its folder in burrow.json).
#include "model/model_source.h"
#include "qt_printing.h"
#include "test_support.h"
#include "workspace/workspace.h"

#include <gtest/gtest.h>

using namespace burrow;
using namespace burrow::model;
using namespace Qt::Literals::StringLiterals;

namespace {

SourceKind kindOf(const QString &text)
{
    const Result<ModelSource> source = parseModelSource(text);
    EXPECT_TRUE(source.ok()) << source.error().toString().toStdString();
    return source ? source->kind : SourceKind::DdlFiles;
}

TEST(ModelSource, each_entry_is_ddl_a_database_url_or_an_orm)
{
    EXPECT_EQ(kindOf(u"models/schema.sql"_s), SourceKind::DdlFiles);
    EXPECT_EQ(kindOf(u"models"_s), SourceKind::DdlFiles);
    EXPECT_EQ(kindOf(u"sqlite:golden.db"_s), SourceKind::Database);
    EXPECT_EQ(kindOf(u"postgresql://u@host/db"_s), SourceKind::Database);
    EXPECT_EQ(kindOf(u"mariadb://u@host/db"_s), SourceKind::Database);
    EXPECT_EQ(kindOf(u"django:app/manage.py?apps=a,b"_s), SourceKind::Django);
    EXPECT_EQ(kindOf(u"sqlalchemy:shop.models:Base"_s), SourceKind::SqlAlchemy);
}

TEST(ModelSource, django_entry_splits_location_and_options)
{
    const Result<ModelSource> source =
        parseModelSource(u"django:app/manage.py?settings=site.prod&apps=a,b"_s);
    ASSERT_TRUE(source.ok());
    EXPECT_EQ(source->location, u"app/manage.py"_s);
    EXPECT_EQ(source->query.queryItemValue(u"settings"_s), u"site.prod"_s);
    EXPECT_EQ(source->query.queryItemValue(u"apps"_s), u"a,b"_s);
}

TEST(ModelSource, malformed_orm_entries_are_errors_naming_them)
{
    const Result<ModelSource> noAttr = parseModelSource(u"sqlalchemy:shop.models"_s);
    ASSERT_FALSE(noAttr.ok());
    EXPECT_EQ(noAttr.error().file, u"sqlalchemy:shop.models"_s);
    EXPECT_TRUE(noAttr.error().message.contains(u"no attribute"));
    const Result<ModelSource> option = parseModelSource(u"django:manage.py?app=a"_s);
    ASSERT_FALSE(option.ok());
    EXPECT_TRUE(option.error().message.contains(u"unknown model source option 'app'"));
    EXPECT_FALSE(parseModelSource(u"django:"_s).ok());
}

TEST(ModelSource, workspace_resolves_relative_entries_and_writes_them_back_relative)
{
    const QDir dir(u"/work/space"_s);
    const QStringList written{
        u"models"_s, u"sqlite:golden.db"_s, u"django:site/manage.py?apps=shop"_s,
        u"sqlalchemy:shop.models:Base?path=src"_s, u"postgresql://u@host/db"_s};
    const QStringList resolved{
        u"/work/space/models"_s, u"sqlite:/work/space/golden.db"_s,
        u"django:/work/space/site/manage.py?apps=shop"_s,
        u"sqlalchemy:shop.models:Base?path=/work/space/src&path=/work/space"_s,
        u"postgresql://u@host/db"_s};
    for (qsizetype i = 0; i < written.size(); ++i) {
        EXPECT_EQ(resolveModelSource(written[i], dir), resolved[i]);
        EXPECT_EQ(portableModelSource(resolved[i], dir), written[i]);
    }
}

TEST(ModelSource, workspace_keeps_its_python_interpreter)
{
    test::TempDir dir;
    workspace::Workspace ws;
    ws.directory = dir.path();
    ws.models = {u"django:"_s + dir.path(u"manage.py"_s)};
    ws.python = u"/opt/venv/bin/python"_s;
    ASSERT_TRUE(workspace::saveWorkspace(ws).ok());
    EXPECT_TRUE(test::readBytes(dir.path(u"burrow.json"_s)).contains("\"django:manage.py\""));
    const Result<workspace::Workspace> loaded = workspace::loadWorkspace(dir.path());
    ASSERT_TRUE(loaded.ok()) << loaded.error().toString().toStdString();
    EXPECT_EQ(loaded->python, u"/opt/venv/bin/python"_s);
    EXPECT_EQ(loaded->models, ws.models);
}

} // namespace
