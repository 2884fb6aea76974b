"""The scripts' texts are data: every key the self-assessment and comparison scripts use is in practices/interface.yml
under a prefix the compiler passes them; no English sentence of the interface is left in the JavaScript, and no word
of this library's topic. The unit tests' reader of interface.yml reads what PyYAML reads."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import yaml

from model.compile.assessment_pages import JS_STRINGS as ASSESSMENT_STRINGS, THEME_STRINGS

JS_STRINGS = (*ASSESSMENT_STRINGS, THEME_STRINGS)  # the prefixes of the strings data.json and theme-strings.js hand over

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = [p for folder in ("assessment", "compare") for p in sorted((ROOT / "docs" / "assets" / "javascripts" / folder).glob("*.js"))]
SCRIPTS.append(ROOT / "docs" / "assets" / "javascripts" / "theme-a11y.js")
STRINGS = yaml.safe_load((ROOT / "practices" / "interface.yml").read_text(encoding="utf-8"))["strings"]
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`((?:[^`\\]|\\.)*)`')


def literals(path: Path) -> list[str]:
    """The string literals of a script, read as the browser reads it: not in comments, not in regular expressions."""
    text, found, i, last = path.read_text(encoding="utf-8"), [], 0, ""
    while i < len(text):
        literal = LITERAL.match(text, i)
        if literal:
            found.append(next(g for g in literal.groups() if g is not None))
            i, last = literal.end(), "x"
        elif text.startswith("//", i):
            i = text.find("\n", i) if "\n" in text[i:] else len(text)
        elif text.startswith("/*", i):
            i = text.index("*/", i) + 2
        elif text[i] == "/" and (last in "(,=:!&|?{};[" or re.search(r"\breturn\s*$", text[:i])):  # a regular expression
            end = re.match(r"/(?:[^/\\\[\n]|\\.|\[(?:[^\]\\]|\\.)*\])+/[a-z]*", text[i:])
            i += len(end.group(0)) if end else 1
            last = "x"
        else:
            if not text[i].isspace():
                last = text[i]
            i += 1
    return found


def test_every_key_the_scripts_use_is_an_interface_string_the_compiler_passes_them():
    key = re.compile(r"^[a-z_]+(\.[a-z_]+)+$")
    used = {(p.name, s) for p in SCRIPTS for s in literals(p) if key.match(s) and s.startswith(JS_STRINGS)}
    assert len(used) > 300, "the scan finds the keys"
    missing = sorted(f"{name}: {k}" for name, k in used if k not in STRINGS and not (f"{k}.one" in STRINGS and f"{k}.other" in STRINGS))
    assert not missing, "keys the scripts use but practices/interface.yml does not have:\n" + "\n".join(missing)
    stray = sorted(f"{name}: {s}" for p in SCRIPTS for name in [p.name] for s in literals(p)
                   if key.match(s) and s.split(".")[0] + "." not in JS_STRINGS and s in STRINGS)
    assert not stray, f"interface strings under a prefix the compiler does not pass: {stray}"


def test_no_english_sentence_of_the_interface_is_left_in_the_scripts():
    words = re.compile(r"(?<![\w$.{-])[A-Za-z][a-z']+ [a-z']{2,}(?![\w-])")
    assert words.search("Choose two files") and not words.search("md-button mpl-cmp-small") and not words.search("application/json")
    found = []
    for path in SCRIPTS:
        for text in literals(path):
            if text == "use strict":  # a directive, not a text
                continue
            plain = re.sub(r"\$\{[^}]*\}", " ", text)
            if words.search(plain):
                found.append(f"{path.name}: {text[:80]!r}")
    assert not found, "texts that belong in practices/interface.yml:\n" + "\n".join(found)


def test_the_scripts_say_nothing_of_this_librarys_topic():
    topic = re.compile(r"\b(assembly|assemblies|commissioners?|mini-publics?|minipublics?|citizens)\b", re.IGNORECASE)
    found = [f"{p.name}:{n}" for p in SCRIPTS for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if topic.search(line)]
    assert not found, found


def test_the_unit_tests_read_interface_yml_as_pyyaml_does(tmp_path):
    node = shutil.which("node")
    assert node
    script = tmp_path / "dump.mjs"
    script.write_text(f'import {{ STRINGS }} from "{(ROOT / "tests" / "js" / "interface-strings.mjs").as_uri()}";\n'
                      "console.log(JSON.stringify(STRINGS));\n", encoding="utf-8")
    result = subprocess.run([node, str(script)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == STRINGS


def test_the_theme_script_gets_its_strings_from_a_file_every_page_loads_first(built_site):
    script = (built_site / "assets" / "javascripts" / "theme-strings.js").read_text(encoding="utf-8")
    handed = json.loads(script.split("window.mplThemeStrings = ", 1)[1].rstrip().rstrip(";"))
    assert handed == {k: v for k, v in STRINGS.items() if k.startswith(THEME_STRINGS)} and len(handed) == 3
    for html in (built_site / "index.html", built_site / "assessment" / "index.html"):
        text = html.read_text(encoding="utf-8")
        assert 0 <= text.index("theme-strings.js") < text.index("theme-a11y.js"), html
