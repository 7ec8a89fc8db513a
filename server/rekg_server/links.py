"""Where this server shows an IRI of the graph."""

from __future__ import annotations

from kg.vocab import BASE, ID

__all__ = ["local_path"]


def local_path(iri: str) -> str:
    """Where this server shows ``iri``: entities under ``/id/``, ontology terms under
    ``/ontology``; other IRIs are left as they are.

    >>> local_path("https://w3id.org/rekg/id/company/lynas-rare-earths")
    '/id/company/lynas-rare-earths'
    >>> local_path("https://w3id.org/rekg/ontology#operates")
    '/ontology#operates'
    """
    if iri.startswith(ID):
        return "/id/" + iri[len(ID) :]
    if iri.startswith(BASE + "ontology"):
        return "/ontology" + iri[len(BASE + "ontology") :]
    return iri
