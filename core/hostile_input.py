"""NUL bytes never reach a query: PostgreSQL text fields refuse them (`DataError`, a 500),
and no honest browser sends one. In the query string they are removed (`?q=%00` is an
empty search); in the path they are a 404; a cookie holding one (a quoted `"\\000"`
unquotes to NUL: the session lookup would fail) is ignored. Form fields refuse them already (Django's
`ProhibitNullCharactersValidator`, a message next to the field)."""

from django.http import Http404

NUL = "\x00"


class StripNulMiddleware:
    """Place it first after SecurityMiddleware and the header middleware, before the page
    cache (its key is the path) and everything that reads the query string."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info:
            raise Http404("NUL byte in the path")
        query_string = request.META.get("QUERY_STRING", "")
        if "%00" in query_string or NUL in query_string:
            cleaned = request.GET.copy()
            for key in list(cleaned):
                values = [value.replace(NUL, "") for value in cleaned.getlist(key)]
                del cleaned[key]
                cleaned.setlist(key.replace(NUL, ""), values)
            cleaned._mutable = False
            request.GET = cleaned
            request.META["QUERY_STRING"] = cleaned.urlencode()
        if any(NUL in value for value in request.COOKIES.values()):
            request.COOKIES = {name: value for name, value in request.COOKIES.items() if NUL not in value}
        return self.get_response(request)
