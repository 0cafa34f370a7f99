"""The README's quick start: exactly two commands, the second is what CI
runs, and the first ends by linting the bundled example, which prints what
the README shows and exits with the status the README states."""
import os
import re
import subprocess

SOURCE = os.environ.get("ADRLINT_SOURCE") or os.path.join(os.path.dirname(__file__), "..", "..")
ADRLINT = os.environ.get("ADRLINT", "adrlint")


def quick_start():
    with open(os.path.join(SOURCE, "README.md"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^## Quick start\n(.*?)^## ", text, re.S | re.M)
    assert m, "README.md has no '## Quick start' section"
    return m.group(1)


def blocks(section):
    """The fenced blocks of a section, as (info string, text)."""
    return re.findall(r"^```(\w*)\n(.*?)^```$", section, re.S | re.M)


def test_two_commands_the_second_is_what_ci_runs():
    commands = [body.strip() for lang, body in blocks(quick_start()) if lang == "sh"]
    assert len(commands) == 2, commands
    assert all("\n" not in c for c in commands), "each command is one line to paste"
    with open(os.path.join(SOURCE, ".ci", "run"), encoding="utf-8") as f:
        ci = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    assert commands[1] in ci, "CI must run the README's test command"
    assert "./tools/deps.sh" in ci
    steps = [s.strip() for s in commands[0].split("&&")]
    assert steps[0] == "./tools/deps.sh"
    assert steps[1].startswith("cmake -S . -B build")
    assert steps[2].startswith("cmake --build build")
    assert re.fullmatch(r"\./build/bin/adrlint lint \S+", steps[-1]), steps[-1]


def test_the_example_prints_what_the_readme_shows():
    section = quick_start()
    commands = [body.strip() for lang, body in blocks(section) if lang == "sh"]
    example = commands[0].split("&&")[-1].split()[-1]
    shown = [body for lang, body in blocks(section) if lang == ""]
    assert len(shown) == 1, "one block shows the example's output"
    p = subprocess.run([ADRLINT, "lint", example], cwd=SOURCE, capture_output=True, text=True,
                       env=dict(os.environ, NO_COLOR="1"))
    assert p.stderr == ""
    # stylish output begins with a blank line before the file name.
    assert p.stdout.lstrip("\n") == shown[0]
    assert "exits with status 1" in section
    assert p.returncode == 1
