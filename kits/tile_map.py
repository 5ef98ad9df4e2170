"""A tile map of France: one square per département on a grid that approximates the
country, the overseas territories as insets below. Positions are hand-placed (row, column);
no geographic data is vendored, so there is nothing to license."""

METROPOLE = {
    0: {"62": 5, "59": 6},
    1: {"76": 4, "80": 5, "02": 6, "08": 7},
    2: {"50": 1, "14": 2, "27": 3, "60": 4, "95": 5, "51": 6, "55": 7, "57": 8, "67": 9},
    3: {"22": 0, "35": 1, "61": 2, "28": 3, "78": 4, "93": 5, "77": 6, "54": 7, "88": 8, "68": 9},
    4: {"29": 0, "56": 1, "53": 2, "72": 3, "92": 4, "75": 5, "94": 6, "10": 7, "52": 8, "90": 9},
    5: {"44": 1, "49": 2, "37": 3, "41": 4, "91": 5, "89": 6, "21": 7, "70": 8, "25": 9},
    6: {"85": 1, "79": 2, "86": 3, "36": 4, "45": 5, "58": 6, "71": 7, "39": 8, "01": 9, "74": 10},
    7: {"17": 1, "16": 2, "87": 3, "23": 4, "18": 5, "03": 6, "42": 7, "69": 8, "38": 9, "73": 10},
    8: {"33": 1, "24": 2, "19": 3, "63": 4, "43": 5, "07": 6, "26": 7, "05": 8, "04": 9, "06": 10},
    9: {"40": 1, "47": 2, "46": 3, "15": 4, "48": 5, "30": 6, "84": 7, "13": 8, "83": 9, "2B": 11},
    10: {"64": 1, "32": 2, "82": 3, "12": 4, "81": 5, "34": 6, "2A": 11},
    11: {"65": 2, "31": 3, "09": 4, "11": 5, "66": 6},
}
OVERSEAS = ["971", "972", "973", "974", "976", "975", "977", "978", "986", "987", "988"]

TILE = 46  # pixels per grid step
SIZE = 42  # tile size
OVERSEAS_TOP = 12.6  # grid rows: the insets' strip starts below the mainland


def tiles():
    """[(code, x, y, overseas)] for every département and overseas territory."""
    placed = [(code, col * TILE, row * TILE, False) for row, cols in METROPOLE.items() for code, col in cols.items()]
    placed += [(code, index * TILE, round(OVERSEAS_TOP * TILE) + 20, True) for index, code in enumerate(OVERSEAS)]
    return placed


WIDTH = 12 * TILE
HEIGHT = round(OVERSEAS_TOP * TILE) + 20 + TILE
