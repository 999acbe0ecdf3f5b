"""Facilitator mode: run a journey workshop in the map (presentation, stage focus,
dot voting, a timer, quick add of sticky notes, the session summary)."""
