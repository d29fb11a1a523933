"""Engines compose the stages of :mod:`summarize.stages`: ``local`` in this process, ``ray`` on a
Ray cluster."""
