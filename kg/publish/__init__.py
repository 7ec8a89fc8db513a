"""Publishing the graph as linked data: the dataset description, releases, the ontology page."""
