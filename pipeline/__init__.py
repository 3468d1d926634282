"""tuneline: reproducible, auditable fine-tuning of language models.

Each stage lives in its own subpackage, exposes a ``run(config, paths...)``
function that returns its stats, and runs as ``python -m pipeline.<stage>``.
"""
