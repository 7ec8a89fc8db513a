"""Reasoning: the OWL 2 RL closure and the project's rules (:mod:`~kg.reasoning.closure`,
:mod:`~kg.reasoning.rules`), HermiT's consistency check (:mod:`~kg.reasoning.consistency`),
and explanations walked back to the source quotes (:mod:`~kg.reasoning.explain`)."""

from __future__ import annotations

from kg.reasoning.closure import Reasoning, reason

__all__ = ["Reasoning", "reason"]
