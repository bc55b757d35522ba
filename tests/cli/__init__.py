"""Tests of bianmin.cli."""
