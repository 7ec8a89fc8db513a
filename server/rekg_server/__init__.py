"""rekg's HTTP server: SPARQL protocol, named queries, entity pages and the web UI."""
