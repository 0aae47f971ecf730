"""The later migration: a wider column, a new column, a type change, a foreign key, indexes and a
new table."""
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]

    operations = [
        migrations.AlterField(model_name="author", name="name",
                              field=models.CharField(max_length=150)),
        migrations.AddField(model_name="author", name="born", field=models.DateField(null=True)),
        migrations.AlterField(model_name="book", name="title",
                              field=models.CharField(db_index=True, max_length=200)),
        migrations.AlterField(model_name="book", name="year", field=models.IntegerField(null=True)),
        migrations.AddField(
            model_name="book", name="author",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL,
                                    related_name="books", to="library.author"),
        ),
        migrations.AddIndex(model_name="book",
                            index=models.Index(fields=["author", "year"],
                                               name="book_author_year_idx")),
        migrations.CreateModel(
            name="Review",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False,
                                        verbose_name="ID")),
                ("stars", models.PositiveSmallIntegerField()),
                ("text", models.TextField(blank=True, default="")),
                ("book", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                           to="library.book")),
            ],
        ),
    ]
