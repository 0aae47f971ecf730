from django.db import models


class Note(models.Model):
    body = models.TextField()
    pinned = models.BooleanField(default=False)
