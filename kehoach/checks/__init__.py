"""The rules: one module per family (shape, dates, schedule), all in one registry."""
