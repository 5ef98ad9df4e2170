"""home's share of `manage.py run_daily`: the personal-data retention periods."""

from .personal_data import purge


def run(stdout):
    results = purge()
    stdout.write(f"personal data: {sum(results.values())} row(s) anonymised or deleted past retention\n")
    return results
