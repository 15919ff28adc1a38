"""The record of corrections is complete in form, and what it corrected stays corrected."""

import datetime

import yaml

from tests.conftest import ROOT

SITE = ROOT / "site"
FIELDS = {"date", "where", "was", "now", "source"}
# Wordings the record corrected, which no content file, translation or interface catalogue may
# say again. Essays and lessons are checked by their own tests.
CORRECTED = [
    "confess and register, as a share of known offenders",
    "a promise of every modern Chinese government",
    "how “bad class background” decided",
    "In the autumn of 1952 the Minister",
    "Party groups of the Central People's",
    "According to a study of the committee",
    "each with its own government body",
    "Each had its own Party",
    "follows this plan",
    "对情节不是特别严重的",
]


def test_every_correction_says_what_was_wrong_and_on_what_it_rests():
    entries = yaml.safe_load((SITE / "corrections.yaml").read_text())
    assert entries
    for entry in entries:
        assert set(entry) == FIELDS, entry
        assert isinstance(entry["date"], datetime.date)
        assert entry["where"] and entry["was"] and entry["now"]
    dates = [entry["date"] for entry in entries]
    assert dates == sorted(dates, reverse=True)


def test_what_was_corrected_stays_corrected():
    files = [
        path
        for path in sorted(SITE.rglob("*"))
        if path.suffix in (".yaml", ".po")
        and path.name != "corrections.yaml"
        and not {"essays", "lessons", "sources"} & set(path.relative_to(SITE).parts)
    ]
    files.append(ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po")
    assert len(files) > 20
    found = [
        f"{path.relative_to(SITE)}: {wording}"
        for path in files
        for wording in CORRECTED
        if wording in path.read_text()
    ]
    assert not found, found
