"""Connections routed around the cards, through the gutters between card columns and
the bands along lane boundaries: orthogonal connector routing (Wybrow, Marriott &
Stuckey, *Orthogonal Connector Routing*, Graph Drawing 2009) on the channels of the
stage × lane grid.

`channels` finds the free gutters and bands, `plan` picks each connection's sides and
channels, `ports` and `tracks` spread arrows along sides and across channels (the
paper's nudging), `router` puts it together (all at once, in steps, or live for a
card being dragged), `route` is the route every drawer draws, `labels` places labels,
`crossings` counts what a reader would trip over.
"""
