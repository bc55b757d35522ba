"""Tests of bianmin.review."""
