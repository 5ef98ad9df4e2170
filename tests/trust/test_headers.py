"""Every page type, served by the Procfile's web process with production settings behind
`X-Forwarded-Proto: https`: security headers, secure cookies, a strict CSP without
'unsafe-inline' on public pages (a looser one for the admin), and no third party —
no script, style, image or frame from another origin, no inline script or style."""

import re
import subprocess
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import pytest

from tests.deploy_helpers import (
    COMMAND_SECONDS,
    READY_SECONDS,
    ROOT,
    free_port,
    get,
    http_status,
    manage,
    procfile_command,
    production_env,
    start_web,
    stop_web,
)

# Page types reached from the demo's links; each must be found by the crawl.
REQUIRED = [
    "/",
    "/en/",
    "/kits/",
    "/evenements/",
    "/evenements/sujets/",
    "/actions-locales/",
    "/ressources/",
    "/associations/",
    "/confidentialite/",
    "/compte/login/",
    "/compte/signup/",
]
EXTRA = ["/recherche/?q=kit", "/compte/password/reset/", "/page-qui-n-existe-pas/"]
MAX_PAGES = 70


class Assets(HTMLParser):
    """src/href of what a page loads, the links it offers, and inline code."""

    def __init__(self):
        super().__init__()
        self.loaded, self.links, self.inline = [], [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in attrs:
            if name.startswith("on") or name == "style":
                self.inline.append(f"<{tag} {name}=…>")
        if tag == "style":
            self.inline.append("<style>")
        if tag == "script":
            if attrs.get("src"):
                self.loaded.append(attrs["src"])
            elif attrs.get("type") not in ("application/json", "application/ld+json"):
                self._in_script = True
        if tag in ("img", "iframe", "source", "audio", "video", "embed") and attrs.get("src"):
            self.loaded.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("alternate", "canonical"):
            self.loaded.append(attrs["href"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline.append("<script>" + data.strip()[:40])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("headers")
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
    assert manage(env, "load_demo").returncode == 0
    server = start_web(env, port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_web(server)


def crawl(base):
    """Same-site pages reachable from the home pages, plus the required ones."""
    queue, seen, pages = ["/", "/en/", *REQUIRED, *EXTRA], set(), {}
    while queue and len(pages) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        try:
            status, headers, body = get(base + path)
        except Exception:  # noqa: BLE001 — 4xx pages are checked too
            status, body = http_status(base + path)
            headers = None
        pages[path] = (status, headers, body.decode(errors="replace"))
        parser = Assets()
        parser.feed(pages[path][2])
        for href in parser.links:
            url = urlparse(urljoin(base + path, href))
            if url.netloc != urlparse(base).netloc or url.path.startswith(("/admin", "/documents", "/media")):
                continue
            if url.path.endswith((".ics", ".pdf", ".json", ".xml", ".txt")) or "/mes-donnees" in url.path:
                continue
            if re.search(r"/(je-me-lance|partager)/?$", url.path) or "?" not in href:
                queue.append(url.path + (f"?{url.query}" if url.query and len(pages) < 40 else ""))
    return pages


@pytest.fixture(scope="module")
def pages(site):
    return crawl(site)


def test_every_page_type_is_crawled(pages):
    missing = [path for path in REQUIRED if pages.get(path, (0,))[0] != 200]
    assert not missing, missing
    assert pages["/page-qui-n-existe-pas/"][0] == 404
    assert any("/kits/" in path and path.count("/") == 3 for path in pages)  # a kit page
    assert any(path.startswith("/evenements/") and path.count("/") == 3 for path in pages)  # an event page


def test_security_headers_on_every_page(site, pages):
    checked = 0
    for path, (_status, headers, _body) in pages.items():
        if headers is None:
            continue
        checked += 1
        assert headers["Strict-Transport-Security"].startswith("max-age=31536000"), path
        assert "includeSubDomains" in headers["Strict-Transport-Security"], path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["X-Frame-Options"] == "DENY", path
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", path
        assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
        csp = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
        assert csp["default-src"] == "'self'", path
        assert csp["script-src"] == "'self'", path
        assert "unsafe-inline" not in headers["Content-Security-Policy"], path
        assert csp["frame-ancestors"] == "'none'", path
        assert csp["object-src"] == "'none'", path
    assert checked >= 25, sorted(pages)


def test_cookies_are_secure_and_http_only(site):
    _, headers, _ = get(f"{site}/compte/login/")
    cookie = headers["Set-Cookie"]
    assert "csrftoken=" in cookie and "Secure" in cookie and "HttpOnly" in cookie


def test_admin_gets_its_own_looser_policy(site):
    """The admin's templates carry inline scripts: its policy allows them, and framing by
    itself (the preview panel); the redirect of an anonymous visitor already carries it."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(f"{site}/admin/", headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.build_opener(NoRedirect).open(request, timeout=READY_SECONDS)
    assert error.value.code == 302
    policy = error.value.headers["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "default-src 'self'" in policy
    assert error.value.headers["Strict-Transport-Security"]


def test_no_third_party_and_no_inline_code_on_any_page(site, pages):
    own = urlparse(site).netloc
    for path, (_status, _headers, body) in pages.items():
        parser = Assets()
        parser.feed(body)
        foreign = [src for src in parser.loaded if urlparse(urljoin(site, src)).netloc not in ("", own)]
        assert not foreign, (path, foreign)
        assert not parser.inline, (path, parser.inline)
        assert "fonts.googleapis" not in body and "gravatar" not in body, path
