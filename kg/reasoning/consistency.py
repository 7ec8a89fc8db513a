"""HermiT on the ontology itself (through owlready2; needs Java): the TBox is consistent and
every class can have members. The data is checked by the OWL 2 RL inconsistency rules
(:func:`kg.reasoning.closure.raise_if_inconsistent`), which scale to millions of triples.

HermiT's verdict depends only on the ontology's text, so it is remembered per ontology hash in
the user's cache folder and a build pays for Java once per ontology change.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import platformdirs
from rdflib import Graph
from rdflib.compare import to_isomorphic

from kg.errors import InconsistentGraph

__all__ = ["check_ontology", "hermit_available"]


def hermit_available() -> bool:
    """Whether HermiT can run here (it needs a Java runtime on the PATH)."""
    return shutil.which("java") is not None


def _verdict_path(ontology: Graph) -> Path:
    digest = f"{to_isomorphic(ontology).graph_digest():x}"[:24]  # type: ignore[no-untyped-call]  # rdflib leaves it untyped; the same for the same triples, whatever their order
    return Path(platformdirs.user_cache_dir("rekg")) / "hermit" / f"{digest}.ok"


def check_ontology(ontology: Graph) -> None:
    """Run HermiT on ``ontology`` (once per distinct ontology).

    Raises:
        InconsistentGraph: the ontology is inconsistent or has a class that can have no member.
        FileNotFoundError: Java is not installed.
    """
    verdict = _verdict_path(ontology)
    if verdict.exists():
        return
    if not hermit_available():
        raise FileNotFoundError("HermiT needs Java: install a JRE (Debian: default-jre-headless)")
    import owlready2

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rekg-ontology.owl"
        ontology.serialize(path, format="xml")
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load(only_local=True)
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            raise InconsistentGraph("the ontology is inconsistent (HermiT found no model)") from None
        unsatisfiable = sorted(str(c.iri) for c in world.inconsistent_classes())
        world.close()
    if unsatisfiable:
        raise InconsistentGraph("classes of the ontology that can have no member (HermiT): " + ", ".join(unsatisfiable))
    verdict.parent.mkdir(parents=True, exist_ok=True)
    verdict.touch()
