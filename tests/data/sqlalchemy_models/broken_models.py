"""A project module whose import fails deep inside the project's own code."""


def load_settings():
    raise RuntimeError("SHOP_SETTINGS is not configured")


SETTINGS = load_settings()
