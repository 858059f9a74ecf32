"""Where the classroom is reached: the host to listen on, the join address and its QR code.

``python run.py viz --classroom`` listens on every interface of this computer so that
phones on the same network can join; the address students type is this computer's
address on the local network. The QR code is made here, offline, with segno.
"""

from __future__ import annotations

import os
import socket
from urllib.parse import urlencode

import segno

from ..theme import UI

LOCAL_HOST = "127.0.0.1"
ALL_INTERFACES = "0.0.0.0"
#: Set by viz.server for the app process: the address the server is reached at.
PUBLIC_URL_ENV = "KOLABORASI_PUBLIC_URL"


def listen_host(host: str, classroom: bool) -> str:
    """The address to bind: every interface for a classroom unless a host was chosen."""
    if classroom and host in (LOCAL_HOST, "localhost"):
        return ALL_INTERFACES
    return host


def lan_address() -> str:
    """This computer's address on the local network (127.0.0.1 when it has none).

    Asks the operating system which interface would route to a private address; a UDP
    socket's connect sends no packet.
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.254.254.254", 9))
            address = probe.getsockname()[0]
    except OSError:
        return LOCAL_HOST
    return address if address and not address.startswith("0.") else LOCAL_HOST


def public_url(host: str, port: int) -> str:
    """The address people open: the LAN address when listening on every interface."""
    shown = lan_address() if host == ALL_INTERFACES else host
    return f"http://{shown}:{port}"


def base_url() -> str:
    """The server's public address inside the app process (127.0.0.1:8521 if not told)."""
    return os.environ.get(PUBLIC_URL_ENV, "http://127.0.0.1:8521").rstrip("/")


def join_url(code: str, base: str | None = None) -> str:
    """The join address with the room code filled in (what the QR code holds)."""
    return f"{base or base_url()}/join?{urlencode({'code': code})}"


def qr_data_uri(url: str) -> str:
    """The QR code of ``url`` as an SVG data URI (dark on white, a quiet zone of 4)."""
    return segno.make(url, error="m").svg_data_uri(scale=10, border=4, dark=UI["qr"])
