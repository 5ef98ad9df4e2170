"""France by département for the local actions map: the real outline of each metropolitan
département (kits/data/, CC BY 4.0, with its licence), and the overseas départements and
territories as labelled insets in a strip under the mainland."""

import functools
import json
from pathlib import Path

DATA = Path(__file__).parent / "data" / "france_departements.json"
OVERSEAS = ["971", "972", "973", "974", "976", "975", "977", "978", "986", "987", "988"]
MAINLAND_WIDTH, MAINLAND_HEIGHT = 613, 585
INSET, INSET_STEP = 46, 52  # px: an overseas square and the distance between two
STRIP_TOP = MAINLAND_HEIGHT + 24
WIDTH, HEIGHT = MAINLAND_WIDTH, STRIP_TOP + INSET + 4


@functools.cache
def outlines():
    """{code: SVG path} of the mainland départements, read once."""
    return json.loads(DATA.read_text(encoding="utf-8"))["paths"]


def insets():
    """[(code, x, y)] of the overseas squares."""
    return [(code, 4 + index * INSET_STEP, STRIP_TOP) for index, code in enumerate(OVERSEAS)]
