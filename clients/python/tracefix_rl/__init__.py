"""Python client for the TraceFix debugging environment (OpenEnv-compatible WebSocket protocol, stdlib only)."""

from .client import ServerError, SyncTraceFixEnv, TraceFixEnv
from .models import ActionType, CodeAction, CodeObservation, State, StepResult, TestResult

# The original project's names, so that seed-style scripts (`from tracefix_rl import CodeAction, TraceFixRLEnv`) run unchanged.
TraceFixRLEnv = TraceFixEnv

__all__ = [
    "ActionType",
    "CodeAction",
    "CodeObservation",
    "ServerError",
    "State",
    "StepResult",
    "SyncTraceFixEnv",
    "TestResult",
    "TraceFixEnv",
    "TraceFixRLEnv",
]
