"""The search backend: modelsearch's database backend, plus one option.

modelsearch hard-codes the `simple` text-search configuration for autocomplete, which is
accent-sensitive ("eve" would not suggest "Événements"). On PostgreSQL the settings pass
AUTOCOMPLETE_CONFIG="simple_unaccent" (created by search/migrations): accents folded, no
stemming, so prefixes keep working."""

from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks up in a backend module)
    backend = database_backend(params)
    config = params.get("AUTOCOMPLETE_CONFIG")
    if config and hasattr(backend, "autocomplete_config"):
        backend.autocomplete_config = config
    return backend
