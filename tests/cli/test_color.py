"""--color and NO_COLOR: colours only in stylish, only when asked or when
standard output is a terminal and NO_COLOR is unset."""
import os
import pty
import subprocess

from conftest import ADRLINT, adrlint

ESC = "\x1b["


def test_never_in_a_pipe(work):
    assert ESC not in adrlint("lint", "findings.yaml", cwd=work).out


def test_always(work):
    out = adrlint("lint", "--color", "always", "findings.yaml", cwd=work).out
    assert "\x1b[31merror\x1b[0m" in out
    # NO_COLOR does not override an explicit request.
    out = adrlint("lint", "--color=always", "findings.yaml", cwd=work, env={"NO_COLOR": "1"}).out
    assert ESC in out
    # Other formats never carry colours.
    out = adrlint("lint", "--color", "always", "-f", "json", "findings.yaml", cwd=work).out
    assert ESC not in out


def on_a_terminal(work, *args, env=None):
    """Runs adrlint with standard output on a pseudo-terminal."""
    master, slave = pty.openpty()
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    e.update(env or {})
    proc = subprocess.Popen([ADRLINT, "lint"] + list(args), cwd=work, env=e, stdout=slave,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait()
    os.close(master)
    return b"".join(chunks).decode()


def test_auto_on_a_terminal(work):
    assert ESC in on_a_terminal(work, "findings.yaml")
    assert ESC not in on_a_terminal(work, "findings.yaml", env={"NO_COLOR": "1"})
    assert ESC in on_a_terminal(work, "findings.yaml", env={"NO_COLOR": ""})
    assert ESC not in on_a_terminal(work, "--color", "never", "findings.yaml")
