"""Qt-free geometry of a map: the one layout the canvas, the poster and every image draw.

`geometry` holds the shapes and sizes, `engine` computes a whole layout and keeps it
current edit by edit, `text` measures and wraps text in the bundled font.
"""
