"""The Qt-free journey model: schema, the live `Journey` document and reversible edits."""
