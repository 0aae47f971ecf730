"""Settings of Burrow's small Django test project. The database comes from the environment, so
tests can migrate copies of it wherever they like: a SQLite file (SHELF_DATABASE), or with
SHELF_ENGINE=postgresql|mysql a server database (SHELF_NAME, SHELF_HOST, SHELF_PORT, SHELF_USER,
SHELF_PASSWORD)."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "burrow-test-project-not-secret"
DEBUG = False
USE_TZ = True
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "library",
    "notes",
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("SHELF_DATABASE", str(BASE_DIR / "db.sqlite3")),
    }
}
if os.environ.get("SHELF_ENGINE"):
    DATABASES["default"] = {
        "ENGINE": "django.db.backends." + os.environ["SHELF_ENGINE"],
        **{key: os.environ.get("SHELF_" + key, "") for key in
           ("NAME", "HOST", "PORT", "USER", "PASSWORD")},
    }
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
