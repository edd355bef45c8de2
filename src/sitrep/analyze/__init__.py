"""One spaCy parse per document, then small stages that each add one layer."""
