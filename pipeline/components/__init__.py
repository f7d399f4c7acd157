"""spaCy components of odaextract.

Each component is a thin adapter: the algorithm lives in a pure module
(`pipeline.money`, `pipeline.dates`, `pipeline.countries`,
`pipeline.organizations`, `pipeline.abbreviations`); the component finds
candidates on a Doc (`match`) and records them (`set_annotations`) on the
`doc._.odax_candidates` extension. The resolver component picks the final,
non-overlapping mentions into `doc._.odax_mentions`.

Extension values are plain tuples, lists and dicts so that Docs survive
`nlp.pipe(n_process=...)` serialization.
"""

from spacy.tokens import Doc

from odaextract.pipeline.components.candidates import Candidate, add_candidates

for _name in ("odax_candidates", "odax_mentions", "odax_abbreviations", "odax_context", "odax_sentences"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# Importing the modules registers their factories and registry functions.
from odaextract.pipeline.components import (  # noqa: E402,F401
    countries,
    dates,
    model_entities,
    money,
    ner_gate,
    organizations,
    resolver,
    tag_map,
)

__all__ = ["Candidate", "add_candidates"]
