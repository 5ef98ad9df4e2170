"""The page-cache sections of what events shows (core.page_cache): a write to one of these
refreshes only the pages that showed it (events/signals.py says which writes)."""

# The votes: the topics page and the sessions' pages, which name the proposers. A proposal
# itself refreshes every page (it enters the sitemap, an event may take it up).
TOPICS = "topics"


def session(source_id):
    """One session's registrations: its seats, waiting list and named attendees (they
    attach to the source-language page, so both languages share the section)."""
    return f"event:{source_id}"


def association(association_id):
    """The sessions an association's members took part in (its page in the directory)."""
    return f"association:{association_id}"
