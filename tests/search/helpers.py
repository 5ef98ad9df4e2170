"""Read the search page back: results as (type, title, url, promoted), suggestions as titles."""

import re
from html import unescape

RESULT = re.compile(
    r'<li class="search-result(?P<promoted> search-result--promoted)?">.*?'
    r'<span class="tag">(?P<type>[^<]+)</span>.*?'
    r'<h3 class="search-result__title"[^>]*><a href="(?P<url>[^"]*)">(?P<title>.*?)</a></h3>',
    re.S,
)


def strip_tags(html):
    return unescape(re.sub(r"<[^>]+>", "", html))


def results(client, url):
    """[(type, title, url, promoted)] of a results page, in order."""
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return [
        (match["type"], strip_tags(match["title"]), unescape(match["url"]), bool(match["promoted"]))
        for match in RESULT.finditer(html)
    ]


def titles(client, url):
    return [title for _type, title, _url, _promoted in results(client, url)]


def suggestion_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return [item["title"] for item in response.json()["results"]]
