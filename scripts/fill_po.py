"""Fill a French catalogue from a Python dict of msgid → msgstr (developer helper).

Usage: python scripts/fill_po.py PO_FILE TRANSLATIONS_MODULE
TRANSLATIONS_MODULE is a .py file defining FR = {"English msgid": "French", ...}.
Entries already translated are kept; fuzzy flags on filled entries are removed."""

import runpy
import sys

import polib


def main(po_path, translations_path):
    translations = runpy.run_path(translations_path)["FR"]
    po = polib.pofile(po_path)
    missing = []
    for entry in po:
        if entry.msgid in translations:
            value = translations[entry.msgid]
            if entry.msgid_plural:
                entry.msgstr_plural = {0: value[0], 1: value[1]}
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        elif not entry.translated() and not entry.obsolete:
            missing.append(entry.msgid)
    po.save(po_path)
    po.save_as_mofile(po_path[:-3] + ".mo")
    for msgid in missing:
        print(f"untranslated: {msgid!r}")  # noqa: T201
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
