from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=150)
    born = models.DateField(null=True)

    def __str__(self):
        return self.name


class Book(models.Model):
    title = models.CharField(max_length=200, db_index=True)
    year = models.IntegerField(null=True)
    author = models.ForeignKey(Author, null=True, on_delete=models.SET_NULL, related_name="books")

    class Meta:
        indexes = [models.Index(fields=["author", "year"], name="book_author_year_idx")]


class Review(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE)
    stars = models.PositiveSmallIntegerField()
    text = models.TextField(blank=True, default="")
