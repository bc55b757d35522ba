"""Tests of bianmin.autolayout."""
