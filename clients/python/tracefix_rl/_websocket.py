"""A small RFC 6455 WebSocket client on asyncio streams (stdlib only).

It does what the TraceFix client needs: one text message out, one text message back, answering the server's pings
while it waits, and a clean closing handshake. No extensions, no compression.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import os
import ssl
import struct
import urllib.parse
from typing import Optional

_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
_OP_CONTINUATION, _OP_TEXT, _OP_BINARY, _OP_CLOSE, _OP_PING, _OP_PONG = 0x0, 0x1, 0x2, 0x8, 0x9, 0xA


class ConnectionClosed(Exception):
    """The server closed the connection (``code`` and ``reason`` come from its close frame, if it sent one)."""

    def __init__(self, code: Optional[int], reason: str = "") -> None:
        super().__init__(f"WebSocket closed (code {code}): {reason}" if reason else f"WebSocket closed (code {code})")
        self.code = code
        self.reason = reason


class WebSocket:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, max_message_bytes: int) -> None:
        self._reader = reader
        self._writer = writer
        self._max = max_message_bytes
        self._write_lock = asyncio.Lock()
        self._close_sent = False
        self.closed: Optional[ConnectionClosed] = None

    @classmethod
    async def connect(cls, url: str, *, open_timeout: float = 10.0, max_message_bytes: int = 100 * 1024 * 1024) -> "WebSocket":
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("ws", "wss"):
            raise ValueError(f"not a WebSocket URL: {url}")
        secure = parts.scheme == "wss"
        host = parts.hostname or "localhost"
        port = parts.port or (443 if secure else 80)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        context = ssl.create_default_context() if secure else None

        async def handshake() -> "WebSocket":
            reader, writer = await asyncio.open_connection(host, port, ssl=context, server_hostname=host if secure else None)
            key = base64.b64encode(os.urandom(16)).decode("ascii")
            host_header = f"[{host}]" if ":" in host else host
            if parts.port is not None:
                host_header += f":{port}"
            request = (
                f"GET {target} HTTP/1.1\r\nHost: {host_header}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nUser-Agent: tracefix-rl-client\r\n\r\n"
            )
            writer.write(request.encode("ascii"))
            await writer.drain()
            status = (await reader.readline()).decode("latin-1").strip()
            headers = {}
            while True:
                line = (await reader.readline()).decode("latin-1")
                if line in ("\r\n", "\n", ""):
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            if not status.startswith("HTTP/1.1 101"):
                writer.close()
                raise ConnectionError(f"WebSocket upgrade to {url} refused: {status or 'no response'}")
            expected = base64.b64encode(hashlib.sha1((key + _GUID).encode("ascii")).digest()).decode("ascii")
            if headers.get("sec-websocket-accept") != expected:
                writer.close()
                raise ConnectionError("WebSocket upgrade failed: bad Sec-WebSocket-Accept")
            return cls(reader, writer, max_message_bytes)

        return await asyncio.wait_for(handshake(), open_timeout)

    async def send_text(self, text: str) -> None:
        if self.closed is not None:
            raise self.closed
        await self._send_frame(_OP_TEXT, text.encode("utf-8"))

    async def recv(self) -> str:
        """Returns the next text message; pings are answered on the way. Raises ConnectionClosed on a close frame."""
        if self.closed is not None:
            raise self.closed
        fragments: list[bytes] = []
        size = 0
        message_opcode = None
        while True:
            fin, opcode, payload = await self._read_frame()
            if opcode == _OP_PING:
                await self._send_frame(_OP_PONG, payload)
                continue
            if opcode == _OP_PONG:
                continue
            if opcode == _OP_CLOSE:
                code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None
                reason = payload[2:].decode("utf-8", "replace")
                await self._send_close(code or 1000)
                self.closed = ConnectionClosed(code, reason)
                self._writer.close()
                raise self.closed
            if opcode in (_OP_TEXT, _OP_BINARY):
                message_opcode = opcode
                fragments, size = [], 0
            size += len(payload)
            if size > self._max:
                raise ValueError(f"message larger than {self._max} bytes")
            fragments.append(payload)
            if fin:
                data = b"".join(fragments)
                if message_opcode == _OP_BINARY:
                    raise ValueError("unexpected binary message from the server")
                return data.decode("utf-8")

    async def close(self, code: int = 1000, timeout: float = 5.0) -> None:
        """Sends a close frame and waits (briefly) for the server's, then drops the connection."""
        if self.closed is None:
            try:
                await self._send_close(code)
                async def drain() -> None:
                    while True:
                        await self.recv()
                await asyncio.wait_for(drain(), timeout)
            except (ConnectionClosed, ConnectionError, asyncio.TimeoutError, asyncio.IncompleteReadError, OSError, ValueError):
                pass
        self.closed = self.closed or ConnectionClosed(code, "closed by client")
        self._writer.close()
        try:
            await self._writer.wait_closed()
        except (ConnectionError, OSError):
            pass

    async def _send_close(self, code: int) -> None:
        if self._close_sent:
            return
        self._close_sent = True
        try:
            await self._send_frame(_OP_CLOSE, struct.pack("!H", code))
        except (ConnectionError, OSError):
            pass

    async def _read_frame(self) -> tuple[bool, int, bytes]:
        try:
            first, second = await self._reader.readexactly(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack("!H", await self._reader.readexactly(2))[0]
            elif length == 127:
                length = struct.unpack("!Q", await self._reader.readexactly(8))[0]
            if length > self._max:
                raise ValueError(f"frame larger than {self._max} bytes")
            mask = await self._reader.readexactly(4) if second & 0x80 else None
            payload = await self._reader.readexactly(length)
        except asyncio.IncompleteReadError as error:
            self.closed = ConnectionClosed(1006, "connection lost")
            raise self.closed from error
        if mask:
            payload = _apply_mask(payload, mask)
        return bool(first & 0x80), first & 0x0F, payload

    async def _send_frame(self, opcode: int, payload: bytes) -> None:
        length = len(payload)
        header = bytearray([0x80 | opcode])
        if length < 126:
            header.append(0x80 | length)
        elif length < 65536:
            header.append(0x80 | 126)
            header += struct.pack("!H", length)
        else:
            header.append(0x80 | 127)
            header += struct.pack("!Q", length)
        mask = os.urandom(4)
        async with self._write_lock:
            self._writer.write(bytes(header) + mask + _apply_mask(payload, mask))
            await self._writer.drain()


def _apply_mask(payload: bytes, mask: bytes) -> bytes:
    if not payload:
        return payload
    length = len(payload)
    key = (mask * (length // 4 + 1))[:length]
    return (int.from_bytes(payload, "big") ^ int.from_bytes(key, "big")).to_bytes(length, "big")
