"""Async client for a TraceFix (OpenEnv-compatible) environment server, speaking the ``/ws`` session protocol."""

from __future__ import annotations

import asyncio
import json
from typing import Any, Dict, Optional, Union

from ._websocket import ConnectionClosed, WebSocket
from .models import CodeAction, CodeObservation, State, StepResult


class ServerError(RuntimeError):
    """An error frame from the server. The message reads like OpenEnv's: ``Server error: <message> (code: <CODE>)``."""

    def __init__(self, message: str, code: str, data: Dict[str, Any]) -> None:
        super().__init__(f"Server error: {message} (code: {code})")
        self.code = code
        self.server_message = message
        self.errors = data.get("errors") or []
        self.data = data


class TraceFixEnv:
    """One environment session (one episode at a time) over one WebSocket, opened on first use.

    ``await env.reset(task_name=..., difficulty=..., seed=...)``, ``await env.step(CodeAction(...))``,
    ``await env.state()``, ``await env.close()``; or ``env.sync()`` for a blocking wrapper.
    """

    def __init__(self, base_url: str = "http://127.0.0.1:7860", *, connect_timeout_s: float = 10.0,
                 message_timeout_s: float = 60.0, max_message_bytes: int = 100 * 1024 * 1024) -> None:
        self.base_url = base_url.rstrip("/")
        ws_base = self.base_url
        if ws_base.startswith("https://"):
            ws_base = "wss://" + ws_base[len("https://"):]
        elif ws_base.startswith("http://"):
            ws_base = "ws://" + ws_base[len("http://"):]
        self.ws_url = ws_base + "/ws"
        self._connect_timeout = connect_timeout_s
        self._message_timeout = message_timeout_s
        self._max_message_bytes = max_message_bytes
        self._socket: Optional[WebSocket] = None
        self._lock = asyncio.Lock()

    async def connect(self) -> "TraceFixEnv":
        if self._socket is None:
            self._socket = await WebSocket.connect(self.ws_url, open_timeout=self._connect_timeout,
                                                   max_message_bytes=self._max_message_bytes)
        return self

    async def reset(self, **kwargs: Any) -> StepResult[CodeObservation]:
        return self._parse_result(await self._request({"type": "reset", "data": kwargs}, "observation"))

    async def step(self, action: Union[CodeAction, Dict[str, Any]]) -> StepResult[CodeObservation]:
        return self._parse_result(await self._request({"type": "step", "data": self._step_payload(action)}, "observation"))

    async def state(self) -> State:
        return State.from_wire(await self._request({"type": "state"}, "state"))

    async def close(self) -> None:
        socket, self._socket = self._socket, None
        if socket is not None and socket.closed is None:
            try:
                await socket.send_text(json.dumps({"type": "close"}))
            except (ConnectionClosed, ConnectionError, OSError):
                pass
            await socket.close()

    async def __aenter__(self) -> "TraceFixEnv":
        return await self.connect()

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.close()

    def sync(self) -> "SyncTraceFixEnv":
        return SyncTraceFixEnv(self)

    @staticmethod
    def _step_payload(action: Union[CodeAction, Dict[str, Any]]) -> Dict[str, Any]:
        # A dict is sent as given so that callers can exercise the server's own validation.
        return action.model_dump(exclude_none=True) if isinstance(action, CodeAction) else dict(action)

    @staticmethod
    def _parse_result(payload: Dict[str, Any]) -> StepResult[CodeObservation]:
        observation = CodeObservation.from_wire(payload)
        return StepResult(observation=observation, reward=payload.get("reward"), done=bool(payload.get("done", False)))

    async def _request(self, message: Dict[str, Any], expected: str) -> Dict[str, Any]:
        async with self._lock:
            await self.connect()
            assert self._socket is not None
            await self._socket.send_text(json.dumps(message))
            reply = json.loads(await asyncio.wait_for(self._socket.recv(), self._message_timeout))
        data = reply.get("data") or {}
        if reply.get("type") == "error":
            raise ServerError(str(data.get("message", "")), str(data.get("code", "")), data)
        if reply.get("type") != expected:
            raise RuntimeError(f"unexpected reply type {reply.get('type')!r} (expected {expected!r})")
        return data


class SyncTraceFixEnv:
    """Blocking wrapper: each call runs the async client on a private event loop."""

    def __init__(self, env: TraceFixEnv) -> None:
        self._env = env
        self._loop = asyncio.new_event_loop()

    def reset(self, **kwargs: Any) -> StepResult[CodeObservation]:
        return self._loop.run_until_complete(self._env.reset(**kwargs))

    def step(self, action: Union[CodeAction, Dict[str, Any]]) -> StepResult[CodeObservation]:
        return self._loop.run_until_complete(self._env.step(action))

    def state(self) -> State:
        return self._loop.run_until_complete(self._env.state())

    def close(self) -> None:
        try:
            self._loop.run_until_complete(self._env.close())
        finally:
            self._loop.close()

    def __enter__(self) -> "SyncTraceFixEnv":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()
