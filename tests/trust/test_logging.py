import json
import logging

from config.logging import JSONFormatter


def test_log_lines_are_json_with_extra_fields():
    record = logging.makeLogRecord(
        {
            "name": "relais.security",
            "levelname": "WARNING",
            "msg": "rate limit hit %s",
            "args": ("declaration",),
            "scope": "declaration",
        }
    )
    line = json.loads(JSONFormatter().format(record))
    assert line["logger"] == "relais.security"
    assert line["level"] == "WARNING"
    assert line["message"] == "rate limit hit declaration"
    assert line["scope"] == "declaration"
    assert line["time"].endswith("+00:00")
