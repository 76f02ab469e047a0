"""Structured imports and exports: CSV lists of pairs, Wikidata."""
