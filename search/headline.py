"""What a results page highlights, marked by the database that matched it when it can.

On PostgreSQL, PostgreSQL's own ts_headline (Django's `SearchHeadline`) marks the words,
with the search backend's configuration (fr_unaccent: unaccent + French stemmer), so a
word is marked exactly when the search matched it. Every text of the page (titles,
summaries, promotions) is marked in one query. Elsewhere (SQLite), search/highlight.py's
Python marker does."""

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connection
from django.db.models import Value
from django.db.models.sql import Query

from wagtail.search.backends import get_search_backend

from search import highlight


def database_config():
    """The text-search configuration of the search, on PostgreSQL; else None."""
    if connection.vendor != "postgresql":
        return None
    return getattr(get_search_backend(), "config", None)


def database_marks(texts, words, config):
    """{text: text with the words PostgreSQL matches marked}, in one query."""
    query = SearchQuery(words, config=config, search_type="plain")
    expressions = [
        SearchHeadline(
            Value(text),
            query,
            config=config,
            start_sel=highlight.MARK_START,
            stop_sel=highlight.MARK_END,
            highlight_all=True,
        )
        for text in texts
    ]
    sql_query = Query(None)
    compiler = sql_query.get_compiler(connection=connection)
    parts, params = [], []
    for expression in expressions:
        sql, expression_params = expression.resolve_expression(sql_query).as_sql(compiler, connection)
        parts.append(sql)
        params.extend(expression_params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    return dict(zip(texts, row, strict=True))


class Highlighter:
    """Highlights the texts of one results page for `query` (`words`: what the search
    backend was given). Call `prepare` with every text first: one query marks them all."""

    def __init__(self, query, words):
        self.stems = highlight.query_stems(query)
        self.words = words
        self.config = database_config() if words else None
        self._marked = {}

    def prepare(self, texts):
        """Mark these texts now (as titles and, whitespace collapsed, as summaries)."""
        wanted = []
        for text in texts:
            if text:
                plain = highlight.unmarked(text)
                wanted.extend((plain, highlight.collapse(plain)))
        missing = [text for text in dict.fromkeys(wanted) if text not in self._marked]
        if not missing:
            return
        if self.config:
            self._marked.update(database_marks(missing, self.words, self.config))
        else:
            self._marked.update({text: highlight.python_marks(text, self.stems) for text in missing})

    def marked(self, text):
        text = highlight.unmarked(text)
        if not text:
            return ""
        if text not in self._marked:
            self.prepare([text])
        return self._marked[text]

    def highlight(self, text):
        return highlight.render(self.marked(text))

    def snippet(self, texts, length=220):
        marked = [self.marked(highlight.collapse(text)) for text in texts if text and str(text).strip()]
        return highlight.marked_snippet(marked, length)
