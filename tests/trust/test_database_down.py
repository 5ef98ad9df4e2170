"""While PostgreSQL is down the site says so (503 on /healthz, a friendly error page),
and it recovers by itself when the database is back. Uses a throwaway cluster of its
own (runuser -u postgres, a temporary directory, its own port), never the shared one."""

import glob
import os
import shutil
import subprocess
import tempfile

import pytest

from tests.deploy_helpers import (
    COMMAND_SECONDS,
    free_port,
    http_post,
    http_status,
    manage,
    production_env,
    start_web,
    stop_web,
)

pytestmark = pytest.mark.postgres


def postgres_bin(name):
    matches = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return matches[-1] if matches else None


def as_postgres(*command):
    subprocess.run(
        ["runuser", "-u", "postgres", "--", *command], check=True, capture_output=True, timeout=COMMAND_SECONDS
    )


@pytest.fixture
def throwaway_cluster():
    if os.geteuid() != 0 or not postgres_bin("initdb"):
        pytest.fail("needs root and PostgreSQL's server binaries to start a throwaway cluster")
    directory = tempfile.mkdtemp(prefix="relais-pg-")
    shutil.chown(directory, "postgres", "postgres")
    data, port = os.path.join(directory, "data"), free_port()
    as_postgres(postgres_bin("initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync")
    options = f"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off"

    def start():
        as_postgres(postgres_bin("pg_ctl"), "-D", data, "-o", options, "-l", f"{directory}/log", "-w", "start")

    def stop():
        as_postgres(postgres_bin("pg_ctl"), "-D", data, "-m", "fast", "-w", "stop")

    start()
    as_postgres("psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-qc", "CREATE DATABASE relais")
    yield {"url": f"postgres://postgres@127.0.0.1:{port}/relais", "start": start, "stop": stop}
    subprocess.run(
        ["runuser", "-u", "postgres", "--", postgres_bin("pg_ctl"), "-D", data, "-m", "immediate", "stop"],
        capture_output=True,
    )
    shutil.rmtree(directory, ignore_errors=True)


def test_site_reports_the_outage_and_recovers_when_the_database_returns(throwaway_cluster, tmp_path):
    env = production_env(tmp_path, DATABASE_URL=throwaway_cluster["url"], WEB_CONCURRENCY="1")
    for command in (["collectstatic", "--no-input"], ["migrate", "--no-input"]):
        result = manage(env, *command)
        assert result.returncode == 0, result.stderr
    port = free_port()
    server = start_web(env, port)
    base = f"http://127.0.0.1:{port}"
    try:
        assert http_status(f"{base}/healthz")[0] == 200

        throwaway_cluster["stop"]()
        status, body = http_status(f"{base}/healthz")
        assert status == 503
        assert b'"database": "error"' in body
        status, body = http_status(f"{base}/a-propos/")
        assert status == 500
        assert "Un problème est survenu".encode() in body
        assert b"Traceback" not in body and b"psycopg" not in body
        assert server.poll() is None, "the web process survives the outage"

        # A form sent now is not lost: a 503 in the visitor's language shows it again as typed.
        typed = {
            "display_name": "Camille",
            "email": "camille@example.org",
            "title": "Une course <b>réussie</b>",
            "story": "Ligne un\nLigne deux",
            "postcode": "69003",
            "consent": "on",
            "website": "",
        }
        status, headers, body = http_post(f"{base}/actions-locales/partager/", typed)
        html = body.decode()
        assert status == 503, html[:500]
        assert headers["Retry-After"] and "no-store" in headers["Cache-Control"]
        assert '<html lang="fr">' in html and "Pas encore envoyé" in html
        assert ">Votre nom tel qu’il sera affiché</label>" in html  # the form's own labels
        assert 'value="Camille"' in html and 'value="camille@example.org"' in html
        assert "Une course &lt;b&gt;réussie&lt;/b&gt;" in html  # as typed, escaped
        assert "Ligne un\nLigne deux</textarea>" in html
        assert 'name="consent" value="on" checked' in html
        assert 'name="csrfmiddlewaretoken"' in html and 'action="/actions-locales/partager/"' in html
        status, _, body = http_post(f"{base}/en/evenements/petit-dej/inscription/", {"kind": "guest", "name": "Sam"})
        assert status == 503
        html = body.decode()
        assert '<html lang="en">' in html and "Not sent yet" in html
        assert "Your name" in html and 'value="Sam"' in html and 'name="kind" value="guest"' in html

        throwaway_cluster["start"]()
        assert http_status(f"{base}/healthz")[0] == 200
        assert http_status(f"{base}/robots.txt")[0] == 200
    finally:
        stop_web(server)
