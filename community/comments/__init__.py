"""Feedback threads on articles, kits and events (django-comments-xtd's models, our
own views): one thread per source-language page, shown in every language."""
