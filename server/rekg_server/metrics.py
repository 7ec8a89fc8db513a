"""Prometheus counters and the latency histogram of one app."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

__all__ = ["Metrics"]


class Metrics:
    """Prometheus counters and the latency histogram, in a registry of this app's own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.queries = Counter("rekg_queries", "Queries answered", ["endpoint"], registry=self.registry)
        self.errors = Counter("rekg_query_errors", "Queries refused or failed", ["endpoint"], registry=self.registry)
        self.timeouts = Counter("rekg_query_timeouts", "Queries stopped at the time limit", registry=self.registry)
        self.busy = Counter("rekg_queries_rejected_busy", "Queries refused because all workers were busy", registry=self.registry)
        self.in_flight = Gauge("rekg_queries_in_flight", "Queries running or waiting for a worker", registry=self.registry)
        self.answer_cache = Counter(
            "rekg_answer_cache", "Page answers found in or missing from the answer cache", ["outcome"], registry=self.registry
        )
        self.latency = Histogram(
            "rekg_query_seconds",
            "Query latency",
            ["endpoint"],
            registry=self.registry,
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )
