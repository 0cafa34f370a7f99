"""Leak check of the Python binding, run in sanitizer builds only.

ctypes cannot load an ASan build unless the ASan runtime is preloaded; ctest
does that (LD_PRELOAD) for this script, with LeakSanitizer on, so a handle
the binding forgets to free fails the run. It exercises every path that
owns library memory: results closed, dropped, kept by diagnostics, used
from threads, formatted; linters closed and failed; config lookups.
"""
import gc
import os
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SOURCE = Path(os.environ["ADRLINT_SOURCE"])
sys.path.insert(0, str(SOURCE / "bindings" / "python"))
import adrlint  # noqa: E402

DOCS = sorted(str(p) for p in (SOURCE / "spec-fixtures").rglob("*")
              if p.suffix in (".yaml", ".json") and not p.name.startswith("support-"))


def main():
    with adrlint.Linter(profile="adr-2.2") as linter:
        for doc in DOCS:
            with linter.lint_file(doc) as result:
                assert result.format("json") and result.format("stylish") is not None
            linter.lint_text(Path(doc).read_bytes(), name=doc)  # freed by refcount
        with ThreadPoolExecutor(4) as pool:
            assert sum(pool.map(lambda d: len(linter.lint_file(d)), DOCS * 4)) > 0
        try:
            linter.lint_file(os.path.join(tempfile.gettempdir(), "no-such-file.yaml"))
        except adrlint.FileError:
            pass
        assert linter.rules()
    findings = [adrlint.lint(doc) for doc in DOCS]  # each list keeps its result alive
    assert adrlint.format(findings, "json")
    del findings
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / ".adrlint.yaml"
        cfg.write_text("rules:\n  nlgov:semver: loud\n")
        for bad in ({"config": cfg}, {"profile": "adr-9"}, {"default_plugins": False}):
            try:
                adrlint.Linter(**bad)
                raise AssertionError("no error for %r" % bad)
            except adrlint.Error:
                pass
        assert adrlint.find_config(Path(tmp) / "api.yaml") == str(cfg)
    gc.collect()
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
