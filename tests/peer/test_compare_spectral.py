"""adrlint against Spectral's stored output on the NLGov corpus for the OAS
validity rules: every difference must be explained in compare_spectral.py."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import compare_spectral  # noqa: E402
from shared import ADRLINT, require_shared  # noqa: E402


def _fmt(rows):
    return "\n".join("%s %s %s (%s): adrlint=%r spectral=%r" % (
        name, code, ".".join(path), side, a, s) for name, code, path, side, a, s, _ in rows)


def test_every_difference_with_spectral_is_explained():
    shared = require_shared()
    documents, differences, unexplained, stale = compare_spectral.compare(ADRLINT, shared)
    assert documents, "no corpus documents with Spectral output found"
    assert not unexplained, "differences with Spectral without a reason:\n" + _fmt(unexplained)
    assert not stale, "explanations that no longer match a difference: %r" % (stale,)


def test_bag_problem_examples_match_spectral():
    """The 328 media-example findings Spectral gives on the BAG API are real
    (URIs with a space); adrlint must give exactly the same ones."""
    shared = require_shared()
    corpus = os.path.join(shared, "corpus", "nlgov", "nl-bag-ind-bevragen-v2.yaml")
    ours = compare_spectral.findings(compare_spectral.run_adrlint(ADRLINT, corpus),
                                     {"oas3-valid-media-example"})
    assert len(ours) == 328
    assert set(ours.values()) == {'"type" property must match format "uri"'}
    assert all(path[-2:] == ("example", "type") for _, path in ours)
