"""Report renderers, one module per format; each exposes `assessment`, `diff` and `overview`."""
