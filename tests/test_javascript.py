"""Runs the JavaScript unit tests (tests/js/*.test.mjs) with Node's built-in test runner."""
import shutil
import subprocess
from pathlib import Path

JS_TESTS = Path(__file__).resolve().parent / "js"


def test_javascript_unit_tests_pass():
    files = sorted(JS_TESTS.glob("*.test.mjs"))
    assert files, "no JavaScript unit tests found in tests/js/"
    node = shutil.which("node")
    assert node, "node is needed for the JavaScript unit tests"
    result = subprocess.run([node, "--test", *map(str, files)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# pass " in result.stdout and "# fail 0" in result.stdout, result.stdout
