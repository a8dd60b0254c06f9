"""Generators of the allocation-list layout fixtures, one module per producer (scripts/make-fixtures)."""
