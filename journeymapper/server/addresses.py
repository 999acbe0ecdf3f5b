"""Which address to serve on, and the URLs people type or scan.

The default is the address this computer has on the network it reaches the rest of
the room through (the interface of the default route, on Linux), so phones on the same
Wi-Fi can join and nothing listens on other networks (a VPN, a second card). Serving on
all interfaces is an explicit choice. Adapters are listed with `ifaddr`; no packet is
sent to find any of this.
"""

from __future__ import annotations

import ipaddress
import logging
from pathlib import Path
from urllib.parse import quote

import ifaddr

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
ALL_INTERFACES = "0.0.0.0"
_ROUTES = Path("/proc/net/route")


def default_route_interface() -> str | None:
    """The adapter the default route goes through (Linux), or None when unknown."""
    try:
        lines = _ROUTES.read_text(encoding="ascii", errors="replace").splitlines()[1:]
    except OSError:
        return None
    for line in lines:
        fields = line.split()
        if len(fields) > 2 and fields[1] == "00000000":
            return fields[0]
    return None


def network_addresses() -> list[tuple[str, str]]:
    """(address, adapter name) of every IPv4 address other machines could reach: not
    loopback, not link-local; the default route's adapter first, private ranges next."""
    found: list[tuple[str, str]] = []
    try:
        adapters = ifaddr.get_adapters()
    except OSError:  # a sandbox that hides the adapters
        log.info("the network adapters cannot be listed")
        return []
    for adapter in adapters:
        for ip in adapter.ips:
            if not isinstance(ip.ip, str):
                continue  # IPv6: phones on a room's Wi-Fi use IPv4 addresses
            address = ipaddress.ip_address(ip.ip)
            if address.is_loopback or address.is_link_local or address.is_unspecified:
                continue
            found.append((ip.ip, adapter.nice_name or adapter.name))
    preferred = default_route_interface()
    found.sort(
        key=lambda pair: (pair[1] != preferred, not ipaddress.ip_address(pair[0]).is_private)
    )
    return found


def default_address() -> str:
    """Where a workshop listens unless told otherwise: see the module docstring."""
    addresses = network_addresses()
    return addresses[0][0] if addresses else LOOPBACK


def public_host(bind: str) -> str:
    """The host part of a URL for a server bound to `bind` (all interfaces → the default)."""
    host = default_address() if bind in (ALL_INTERFACES, "::") else bind
    return f"[{host}]" if ":" in host else host


def url(host: str, port: int, path: str, token: str) -> str:
    """`http://HOST:PORT/PATH?token=TOKEN` (tokens are URL-safe already)."""
    return f"http://{host}:{port}{path}?token={quote(token, safe='')}"
