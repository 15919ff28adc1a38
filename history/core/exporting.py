"""Writing the site's content back to files in `site/`, in the layout that `load_site` reads.

Each app of the site that has an `export` module writes its own part: `export(exporter)`.
Files are written only when their text changes (so an export of an unchanged site leaves a
clean `git diff`), and the comment lines at the top of a hand-written file are kept.
"""

from dataclasses import dataclass, field
from pathlib import Path

import polib
import yaml
from wagtail_localize.models import Translation, TranslationSource

WIDTH = 100


class _Dumper(yaml.SafeDumper):
    """Block style; long text folded at WIDTH and multi-line text kept literal, as the
    hand-written files are."""

    def increase_indent(self, flow=False, indentless=False):
        # Lists indented under their key, as in the hand-written files.
        return super().increase_indent(flow, False)


def _represent_str(dumper, text):
    if "\n" in text:
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|")
    if len(text) > WIDTH - 20 and text == text.strip() and "  " not in text:
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=">")
    return dumper.represent_scalar("tag:yaml.org,2002:str", text)


class Inline(dict):
    """A small mapping written on one line: `{family: Zhou, given: Yongming}`."""


def _represent_inline(dumper, data):
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


class Keys(list):
    """A list of keys written on one line, as in the files written by hand: `[a, b]`."""


def _represent_keys(dumper, data):
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(Inline, _represent_inline)
_Dumper.add_representer(Keys, _represent_keys)


def dump_yaml(data):
    """YAML text of `data`; the items of a top-level list are separated by blank lines."""
    text = yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=WIDTH, indent=2
    )
    if isinstance(data, list):
        text = text.replace("\n- ", "\n\n- ")
    return text


def write_page_yaml(exporter, relative, data):
    """A page's file, with a blank line between the blocks of its body as in the files
    written by hand."""
    text = dump_yaml(data).replace("\n  - type: ", "\n\n  - type: ")
    exporter.write_text(relative, text.replace("body:\n\n", "body:\n"))


@dataclass
class Exporter:
    """What an app's `export(exporter)` gets: where to write, and how to report."""

    content_dir: Path
    stdout: object
    written: list = field(default_factory=list)

    def say(self, message):
        self.stdout.write(message)

    def path(self, relative):
        return self.content_dir / relative

    def write_yaml(self, relative, data):
        self.write_text(relative, dump_yaml(data))

    def write_po(self, relative, po):
        text = str(po)
        if text.startswith("#\n"):  # polib's empty header comment
            text = text[2:]
        self.write_text(relative, text.rstrip("\n") + "\n")

    def write_bytes(self, relative, data):
        path = self.path(relative)
        if path.exists() and path.read_bytes() == data:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.written.append(relative)
        self.say(f"  wrote {relative}")

    def write_text(self, relative, text):
        """Write `text` to the file, after the comment lines that open the existing file."""
        path = self.path(relative)
        comments = _leading_comments(path) if path.exists() else ""
        self.write_bytes(relative, (comments + text).encode("utf-8"))

    def page_translations(self, key, page):
        """`translations/<language>/<key>.po` for each language `page` is translated into."""
        for locale, po in translation_files(page):
            self.write_po(Path("translations") / locale.language_code / f"{key}.po", po)

    def collection_translations(self, collection, objects):
        """One `translations/<language>/<collection>.po` for the snippets `objects` ({item key:
        instance}), each context prefixed with the item's key."""
        if not objects:
            return
        by_language = {}
        for key, obj in objects.items():
            for locale, po in translation_files(obj):
                combined = by_language.setdefault(locale.language_code, new_po(locale))
                for entry in po:
                    entry.msgctxt = f"{key}:{entry.msgctxt}"
                    combined.append(entry)
        for language, po in by_language.items():
            self.write_po(Path("translations") / language / f"{collection}.po", po)


def new_po(locale):
    po = polib.POFile(wrapwidth=WIDTH)
    po.metadata = {
        "Language": locale.language_code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
    }
    return po


def translation_files(obj):
    """(locale, PO file) for each language `obj` has a wagtail-localize translation in: the
    strings of its source as last synchronised, with their translations."""
    source = TranslationSource.objects.get_for_instance_or_none(obj)
    if source is None:
        return []
    files = []
    translations = Translation.objects.filter(source=source).select_related("target_locale")
    for translation in translations.order_by("target_locale__language_code"):
        translated = obj.get_translation_or_none(translation.target_locale)
        if translated is None or getattr(translated, "alias_of_id", None):
            continue
        po = new_po(translation.target_locale)
        for entry in translation.export_po():
            if entry.obsolete:  # a string the source no longer has
                continue
            po.append(polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgstr=entry.msgstr))
        files.append((translation.target_locale, po))
    return files


def _leading_comments(path):
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.strip() and (not line.startswith("#") or line.startswith("#.")):
            break
        lines.append(line)
    return "".join(lines)
