"""Tests of bianmin.drawing."""
