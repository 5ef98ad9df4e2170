"""Run the site as a deployment does: production settings, the Procfile's commands."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# How long a server may take to start or stop, or a request to answer: long enough for a
# 2-core machine busy with other work (never a fixed 10 s).
READY_SECONDS = 60
# How long one command (migrate, collectstatic, load_demo) may take on such a machine: a
# safety net against a hung process, not a measure of speed (migrate took > 300 s here).
COMMAND_SECONDS = 1800


def production_env(tmp_path, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "PYTEST", "REQUIRE_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        EMAIL_URL="console://",
        PATH=f"{Path(sys.executable).parent}:{env.get('PATH', '')}",
    )
    env.update(extra)
    return env


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=COMMAND_SECONDS
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def procfile_command(name):
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith(f"{name}:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"no {name} process in Procfile")


def get(url, **headers):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **headers})  # noqa: S310
    with urllib.request.urlopen(request, timeout=READY_SECONDS) as response:  # noqa: S310 (our own loopback server)
        return response.status, dict(response.headers), response.read()


def wait_until_ready(url, process=None, deadline=READY_SECONDS):
    """Wait (at most `deadline` seconds, long enough for a busy machine) until `url`
    answers at all; fail early if `process` exits."""
    until = time.monotonic() + deadline
    while time.monotonic() < until:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the process exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (our own loopback server)
                return
        except urllib.error.HTTPError:
            return  # it answers (a 503 while the database is down is an answer)
        except (OSError, urllib.error.URLError):
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {deadline} s")


def start_web(env, port):
    """Start the Procfile's web process; return it once its health check answers."""
    server = subprocess.Popen(  # noqa: S603
        ["bash", "-c", f"exec {procfile_command('web')}"],  # noqa: S607
        cwd=ROOT,
        env={**env, "PORT": str(port)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_ready(f"http://127.0.0.1:{port}/healthz", server)
    except BaseException:
        stop_web(server)
        raise
    return server


def stop_web(server):
    """Stop a server started above, however the test went: TERM, then KILL after the deadline."""
    if server.poll() is not None:
        return
    server.terminate()
    try:
        server.wait(timeout=READY_SECONDS)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=READY_SECONDS)


def http_post(url, data, **headers):
    """Status and body of a form POST, with a CSRF cookie and token of our own (Django
    accepts the unmasked secret) and the Referer HTTPS requires; errors included."""
    secret = "a" * 16 + secrets.token_hex(8)
    origin = "/".join(url.split("/")[:3]).replace("http://", "https://")
    body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": secret}, doseq=True).encode()
    request = urllib.request.Request(  # noqa: S310 (our own loopback server)
        url,
        data=body,
        headers={
            "X-Forwarded-Proto": "https",
            "Cookie": f"csrftoken={secret}",
            "Referer": f"{origin}/",
            "Content-Type": "application/x-www-form-urlencoded",
            **headers,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=READY_SECONDS) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def http_status(url, **headers):
    """Status and body of a GET, errors included (urllib raises on 4xx/5xx)."""
    try:
        status, _, body = get(url, **headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    return status, body
