"""The workshop's network transport: HTTP and WebSocket on Starlette + uvicorn, Qt-free.

It knows tokens, security headers, size caps, rate limits and how to run a server on a
worker thread; it knows nothing of maps, participants or votes. The session logic
(`journeymapper.workshop`) adds its routes, and other features (live co-editing) mount
their own ASGI apps on the same server.
"""
