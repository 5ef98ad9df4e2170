"""Production settings and the Procfile, run as a deployment would run them."""

import re
import subprocess
import urllib.request

import pytest

from tests.deploy_helpers import (
    COMMAND_SECONDS,
    READY_SECONDS,
    ROOT,
    free_port,
    get,
    manage,
    procfile_command,
    production_env,
    start_web,
    stop_web,
)


def test_production_refuses_to_start_without_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    result = manage(env, "check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_deployment_checklist_is_clean(tmp_path):
    result = manage(
        production_env(tmp_path, ALLOWED_HOSTS="example.org"), "check", "--deploy", "--fail-level", "WARNING"
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def web_server(tmp_path_factory):
    """The Procfile's release and web commands, as a platform would run them."""
    tmp_path = tmp_path_factory.mktemp("deploy")
    port = free_port()
    env = production_env(tmp_path, PORT=str(port), WEB_CONCURRENCY="1")
    release = subprocess.run(
        ["bash", "-c", procfile_command("release")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_SECONDS,
    )
    assert release.returncode == 0, release.stderr
    demo = manage(env, "load_demo")
    assert demo.returncode == 0, demo.stderr
    server = start_web(env, port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_web(server)


def test_procfile_web_serves_pages_and_compressed_static_files(web_server):
    status, headers, body = get(f"{web_server}/")
    assert status == 200
    html = body.decode()
    assert '<html lang="fr">' in html
    stylesheet = re.search(r'href="(/static/css/relais\.[0-9a-f]+\.css)"', html)
    assert stylesheet, "the production page links the hashed stylesheet"
    status, headers, body = get(f"{web_server}{stylesheet.group(1)}", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    max_age = int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1))
    assert max_age >= 365 * 24 * 3600
    assert "immutable" in headers["Cache-Control"]


def test_procfile_web_redirects_plain_http_to_https(web_server):
    request = urllib.request.Request(f"{web_server}/", headers={"X-Forwarded-Proto": "http"})  # noqa: S310

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as error:
        opener.open(request, timeout=READY_SECONDS)
    assert error.value.code == 301
    assert error.value.headers["Location"].startswith("https://")
