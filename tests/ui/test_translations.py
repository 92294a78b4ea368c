"""Every text the window shows through `tr()` has an English translation, and the .qm is current.

Vietnamese is the source language. After changing a `tr()` text:

    pyside6-lupdate antq_desktop/ui/*.py -extensions py -locations none -no-obsolete \\
        -source-language vi -target-language en -ts resources/translations/antq_en.ts
    (translate the new entries, e.g. in pyside6-linguist)
    pyside6-lrelease resources/translations/antq_en.ts -qm resources/translations/antq_en.qm
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtCore import QTranslator

import antq_desktop
from antq_desktop.resources import resource_path

UI_DIR = Path(antq_desktop.__file__).resolve().parent / "ui"
TS_FILE = resource_path("translations", "antq_en.ts")
QM_FILE = resource_path("translations", "antq_en.qm")
PLACEHOLDER = re.compile(r"\{(\w*)\}")
TRANSLATE_FUNCTIONS = {"translate", "QT_TRANSLATE_NOOP"}

Key = tuple[str, str]  # (context, Vietnamese source text)


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _function_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def extract_source_texts(source: str, file_name: str) -> tuple[set[Key], list[str]]:
    """The (context, text) pairs of `self.tr("…")` and `translate("Context", "…")` calls.

    Also returns the places where `tr()` gets something other than a literal: lupdate cannot read
    those, so they would never be translated.
    """
    found: set[Key] = set()
    unreadable: list[str] = []

    def visit(node: ast.AST, context: str) -> None:
        if isinstance(node, ast.ClassDef):
            context = node.name
        if isinstance(node, ast.Call):
            name = _function_name(node)
            if name == "tr" and isinstance(node.func, ast.Attribute) and node.args:
                text = _literal(node.args[0])
                if text is None:
                    unreadable.append(f"{file_name}:{node.lineno}")
                else:
                    found.add((context, text))
            elif name in TRANSLATE_FUNCTIONS and len(node.args) >= 2:
                named, text = _literal(node.args[0]), _literal(node.args[1])
                if named is None or text is None:
                    unreadable.append(f"{file_name}:{node.lineno}")
                else:
                    found.add((named, text))
        for child in ast.iter_child_nodes(node):
            visit(child, context)

    visit(ast.parse(source, filename=file_name), "")
    return found, unreadable


def ui_source_texts() -> tuple[set[Key], list[str]]:
    texts: set[Key] = set()
    unreadable: list[str] = []
    for path in sorted(UI_DIR.glob("*.py")):
        found, bad = extract_source_texts(path.read_text(encoding="utf-8"), path.name)
        texts |= found
        unreadable += bad
    return texts, unreadable


def ts_entries() -> dict[Key, ElementTree.Element]:
    root = ElementTree.parse(TS_FILE).getroot()
    assert root.get("sourcelanguage") == "vi"
    assert root.get("language") == "en"
    entries: dict[Key, ElementTree.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            entries[(name, message.findtext("source") or "")] = translation
    return entries


def test_the_extractor_reads_contexts_and_refuses_non_literals() -> None:
    source = (
        "class Page(QWidget):\n"
        "    def f(self):\n"
        "        self.tr('Tổng quan')\n"
        "        g = lambda: self.tr('Báo cáo')\n"
        "        self.tr(label)\n"
        "def h():\n"
        "    QCoreApplication.translate('App', 'Thoát')\n"
    )
    found, unreadable = extract_source_texts(source, "x.py")
    assert found == {("Page", "Tổng quan"), ("Page", "Báo cáo"), ("App", "Thoát")}
    assert unreadable == ["x.py:5"]


def test_every_ui_text_has_an_english_translation() -> None:
    texts, unreadable = ui_source_texts()
    assert not unreadable, f"tr() needs a literal text so lupdate can find it: {unreadable}"
    assert len(texts) > 50  # guards the extraction itself
    entries = ts_entries()
    missing = sorted(key for key in texts if key not in entries)
    assert not missing, f"not in {TS_FILE.name} (run pyside6-lupdate): {missing}"
    unfinished = sorted(
        key
        for key in texts
        if entries[key].get("type") is not None or not (entries[key].text or "").strip()
    )
    assert not unfinished, f"no finished English translation: {unfinished}"
    stale = sorted(key for key in entries if key not in texts)
    assert not stale, f"in {TS_FILE.name} but no longer used (run lupdate -no-obsolete): {stale}"


def test_translations_keep_every_placeholder() -> None:
    wrong = [
        (context, source, translation.text)
        for (context, source), translation in ts_entries().items()
        if sorted(PLACEHOLDER.findall(source))
        != sorted(PLACEHOLDER.findall(translation.text or ""))
    ]
    assert not wrong, f"placeholders differ, str.format() would fail: {wrong}"


def test_the_qm_file_holds_every_translation_of_the_ts() -> None:
    """The compiled file is current in content: each .ts entry translates to its .ts text.

    Compared through Qt rather than byte for byte, so a different lrelease version (CI, a
    developer's machine) does not fail a file whose content is right.
    """
    translator = QTranslator()
    assert translator.load(str(QM_FILE)), f"cannot load {QM_FILE}"
    stale = [
        (context, source)
        for (context, source), translation in ts_entries().items()
        if translator.translate(context, source) != (translation.text or "")
    ]
    assert not stale, f"{QM_FILE.name} is older than {TS_FILE.name}, run pyside6-lrelease: {stale}"
    assert translator.translate("MainWindow", "Tổng quan") == "Overview"
