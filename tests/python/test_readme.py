"""The README's Python example runs and prints what the README says it prints."""
import re

from conftest import SOURCE, run_python


def readme_blocks():
    """The fenced blocks of the README's Bindings section, as (language, text)."""
    text = (SOURCE / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Bindings\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```(\w*)\n(.*?)^```$", section, re.M | re.S)


def test_readme_python_example():
    blocks = readme_blocks()
    code = [body for lang, body in blocks if lang == "python"]
    printed = [body for lang, body in blocks if lang == ""]
    assert len(code) == 1 and len(printed) == 1
    status, out, err = run_python("-c", code[0], cwd=SOURCE)
    assert status == 0, err
    assert out == printed[0]
