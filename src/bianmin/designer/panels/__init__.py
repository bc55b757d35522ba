"""Docked panels: findings, properties, palette, layers; and the plan properties dialog."""
