"""What analysts ask of the graph beyond one query: what-if cuts, exposure, concentration."""
