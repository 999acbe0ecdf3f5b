"""Qt-free look shared by the canvas and the poster: the colour palette and the icon set."""
