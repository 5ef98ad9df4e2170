"""The site's daily jobs, run by `manage.py run_daily` (cron, once a day).

Apps register theirs from `AppConfig.ready()`; this module names none of them:

    from core.daily import register_daily_job

    register_daily_job("kit reminders", kits.daily.run, order=20)

`run(stdout)` does one app's work and must be safe to run again. Jobs run by `order`
(the personal-data purge first), each in its own transaction."""

from collections.abc import Callable
from dataclasses import dataclass, field

from core.personal_data import purge


@dataclass(frozen=True)
class DailyJob:
    name: str
    run: Callable = field(compare=False)
    order: int = 50


_jobs: dict[str, DailyJob] = {}


def register_daily_job(name, run, order=50):
    _jobs[name] = DailyJob(name, run, order)


def daily_jobs():
    return sorted(_jobs.values(), key=lambda job: (job.order, job.name))


def purge_personal_data(stdout):
    """The retention periods (settings RETENTION_*), before any other job."""
    results = purge()
    stdout.write(f"personal data: {sum(results.values())} row(s) anonymised or deleted past retention\n")
    return results
