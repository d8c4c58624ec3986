"""Helpers shared by tests of several depths."""
