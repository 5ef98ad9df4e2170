"""The catalogues (every <folder>/locale/<language>/LC_MESSAGES/django.po of the project):
each entry translated, none fuzzy or obsolete, one text per (context, msgid) across the
catalogues (Django merges them and silently keeps the first), placeholders kept, and
each .mo compiled from its .po. Reads the files only: no database, no server."""

import gettext
import os
import re
from collections import defaultdict
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_DIRS = {"node_modules", "staticfiles", "media"}  # and hidden ones: .venv, .git


def find_catalogues():
    found = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        found.extend(Path(folder) / name for name in files if name.endswith(".po"))
    return sorted(found)


CATALOGUES = find_catalogues()


def name(path):
    return str(path.relative_to(ROOT))


def language(path):
    return path.parent.parent.name  # <folder>/locale/<language>/LC_MESSAGES/django.po


def describe(entry):
    context = f"[{entry.msgctxt}] " if entry.msgctxt is not None else ""
    return f"{context}{entry.msgid!r}"


def live_entries(po):
    return [entry for entry in po if not entry.obsolete]


def translations(entry):
    if entry.msgid_plural:
        return tuple(text for _index, text in sorted(entry.msgstr_plural.items()))
    return (entry.msgstr,)


@pytest.fixture(scope="module")
def catalogues():
    return {path: polib.pofile(str(path)) for path in CATALOGUES}


def test_the_catalogues_are_found():
    folders = {path.relative_to(ROOT).parts[0] for path in CATALOGUES}
    assert {"core", "home", "community", "kits", "events", "search", "site"} <= folders


def test_every_entry_is_translated(catalogues):
    problems = [
        f"{name(path)}: {describe(entry)} is not translated"
        for path, po in catalogues.items()
        for entry in live_entries(po)
        if not all(translations(entry))
    ]
    assert not problems, "\n".join(problems)


def test_no_entry_is_fuzzy(catalogues):
    problems = []
    for path, po in catalogues.items():
        if po.metadata_is_fuzzy:
            problems.append(f'{name(path)}: the header is fuzzy (remove the `#, fuzzy` line above its msgid "")')
        problems += [f"{name(path)}: {describe(entry)} is fuzzy" for entry in po.fuzzy_entries() if not entry.obsolete]
    assert not problems, "\n".join(problems)


def test_no_obsolete_entry_lingers(catalogues):
    problems = [
        f"{name(path)}: {describe(entry)} is obsolete (#~): `make translations` drops it"
        for path, po in catalogues.items()
        for entry in po.obsolete_entries()
    ]
    assert not problems, "\n".join(problems)


def key_and_text(entry):
    """(context, msgid) and translations, a template's %% (python-format) read as one %: the
    template `{% translate "Rate (%)" %}` and the Python `_("Rate (%)")` are one message."""
    msgid, texts = entry.msgid, translations(entry)
    if "python-format" in entry.flags and "%%" in msgid:
        msgid, texts = msgid.replace("%%", "%"), tuple(text.replace("%%", "%") for text in texts)
    return (entry.msgctxt, msgid, entry.msgid_plural), texts


def test_one_message_has_one_translation_across_the_catalogues(catalogues):
    seen = defaultdict(lambda: defaultdict(list))  # (language, key) -> texts -> catalogues
    for path, po in catalogues.items():
        for entry in live_entries(po):
            key, texts = key_and_text(entry)
            seen[language(path), key][texts].append(name(path))
    problems = []
    for (lang, (context, msgid, _plural)), variants in seen.items():
        if len(variants) > 1:
            where = "; ".join(f"{' / '.join(texts)!r} in {', '.join(paths)}" for texts, paths in variants.items())
            hint = f"[{context}] " if context is not None else ""
            problems.append(
                f"{lang}: {hint}{msgid!r} is translated differently: {where} "
                "(one text everywhere, or a context if the meanings differ)"
            )
    assert not problems, "\n".join(problems)


PLACEHOLDER = re.compile(r"%\((\w+)\)[sdifr]")


def test_translations_keep_the_placeholders(catalogues):
    """A translation naming a placeholder the code does not pass raises KeyError at runtime."""
    problems = []
    for path, po in catalogues.items():
        for entry in live_entries(po):
            if "python-format" not in entry.flags:
                continue
            expected = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural or ""))
            for text in translations(entry):
                unknown = set(PLACEHOLDER.findall(text)) - expected
                if unknown:
                    problems.append(f"{name(path)}: {describe(entry)} translation uses unknown {sorted(unknown)}")
    assert not problems, "\n".join(problems)


def compiled(po):
    """What msgfmt writes into the .mo: translated entries, fuzzy and obsolete ones left out."""
    messages = {}
    for entry in live_entries(po):
        if "fuzzy" in entry.flags or not all(translations(entry)):
            continue
        msgid = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural:
            messages.update({(msgid, index): text for index, text in enumerate(translations(entry))})
        else:
            messages[msgid] = entry.msgstr
    return messages


def label(key):
    """A .mo key, "context\x04msgid" or (msgid, plural index), as the .po shows it."""
    msgid, plural = key if isinstance(key, tuple) else (key, None)
    context, sep, msgid = msgid.rpartition("\x04")
    return (f"[{context}] " if sep else "") + repr(msgid) + (f" (plural {plural})" if plural is not None else "")


@pytest.mark.parametrize("path", CATALOGUES, ids=name)
def test_the_mo_file_is_compiled_from_the_po_file(path, catalogues):
    mo_path = path.with_suffix(".mo")
    assert mo_path.exists(), f"{name(mo_path)} is missing: run `make translations`"
    with mo_path.open("rb") as mo_file:
        in_mo = gettext.GNUTranslations(mo_file)._catalog
    in_mo = {key: text for key, text in in_mo.items() if key != ""}  # the header
    in_po = compiled(catalogues[path])
    differences = sorted(
        f"{label(key)}: {in_mo.get(key)!r} in the .mo, {in_po.get(key)!r} in the .po"
        for key in in_mo.keys() | in_po.keys()
        if in_mo.get(key) != in_po.get(key)
    )
    assert not differences, f"{name(mo_path)} is not compiled from its .po (`make translations`):\n" + "\n".join(
        differences
    )
