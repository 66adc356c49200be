"""Helpers of the entities stage: span fixes, name canonicalisation and salience (all pure)."""
