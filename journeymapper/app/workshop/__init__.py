"""The editor's side of a workshop: Invite participants…, the participants panel, and
the controller between them and the Qt-free `journeymapper.workshop` service."""
