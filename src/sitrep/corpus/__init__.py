"""Cross-article views over the store: timelines, control claims, conflicts."""
