"""One Linter, many threads: the library's linter is immutable and thread-safe."""
import threading
from concurrent.futures import ThreadPoolExecutor

from conftest import fixture_documents


def test_one_linter_from_a_thread_pool(adrlint):
    docs = fixture_documents()
    with adrlint.Linter(profile="adr-2.2") as linter:
        expected = {str(d): list(linter.lint_file(str(d))) for d in docs}
        texts = {str(d): d.read_bytes() for d in docs}
        assert sum(map(len, expected.values())) > 10

        def work(i):
            name = str(docs[i % len(docs)])
            if i % 2:
                return name, list(linter.lint_file(name))
            return name, list(linter.lint_text(texts[name], name=name))

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(work, range(40 * len(docs))))
    assert len(results) == 40 * len(docs)
    for name, findings in results:
        assert findings == expected[name], name


def test_close_waits_for_lints_in_progress(adrlint):
    doc = fixture_documents()[0]
    linter = adrlint.Linter()
    start = threading.Barrier(5)
    errors = []

    def work():
        start.wait()
        try:
            for _ in range(50):
                linter.lint_file(str(doc))
        except adrlint.Error as e:
            # Only a lint begun after close() may fail, and only this way.
            if str(e) != "this Linter is closed":
                errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    start.wait()
    linter.close()
    for t in threads:
        t.join()
    assert not errors and linter.closed
