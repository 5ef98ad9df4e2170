"""While PostgreSQL is down the site says so (503 on /healthz, a friendly error page),
and it recovers by itself when the database is back. Uses a throwaway cluster of its
own (runuser -u postgres, a temporary directory, its own port), never the shared one."""

import glob
import os
import shutil
import subprocess
import tempfile

import pytest

from tests.deploy_helpers import free_port, http_status, manage, production_env, start_web

pytestmark = pytest.mark.postgres


def postgres_bin(name):
    matches = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return matches[-1] if matches else None


def as_postgres(*command):
    subprocess.run(["runuser", "-u", "postgres", "--", *command], check=True, capture_output=True, timeout=120)


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

        throwaway_cluster["start"]()
        assert http_status(f"{base}/healthz")[0] == 200
        assert http_status(f"{base}/robots.txt")[0] == 200
    finally:
        server.terminate()
        server.wait(timeout=10)
