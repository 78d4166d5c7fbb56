"""Typed actions, observations and results, shaped like the original TraceFix-RL client's pydantic models."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from typing import Any, Dict, Generic, List, Optional, TypeVar


class ActionType(str, enum.Enum):
    VIEW_CODE = "VIEW_CODE"
    RUN_TESTS = "RUN_TESTS"
    REPLACE_LINES = "REPLACE_LINES"
    UNDO_EDIT = "UNDO_EDIT"
    RESET_TO_ORIGINAL = "RESET_TO_ORIGINAL"
    SUBMIT = "SUBMIT"


_ACTION_FIELDS = ("thought", "action_type", "start_line", "end_line", "new_code_block", "metadata")


@dataclass
class CodeAction:
    """One agent action. Checked as strictly as the server checks it, so mistakes surface before the round trip."""

    action_type: str
    thought: str = ""
    start_line: Optional[int] = None
    end_line: Optional[int] = None
    new_code_block: Optional[str] = None
    metadata: Dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if isinstance(self.action_type, ActionType):
            self.action_type = self.action_type.value
        allowed = [a.value for a in ActionType]
        if self.action_type not in allowed:
            raise ValueError(f"action_type must be one of {', '.join(allowed)} (got {self.action_type!r})")
        if not isinstance(self.thought, str):
            raise ValueError("thought must be a string")
        for name in ("start_line", "end_line"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise ValueError(f"{name} must be an integer or None (got {value!r})")
        if self.new_code_block is not None and not isinstance(self.new_code_block, str):
            raise ValueError("new_code_block must be a string or None")
        if not isinstance(self.metadata, dict):
            raise ValueError("metadata must be a dict")

    @classmethod
    def model_validate(cls, data: Dict[str, Any]) -> "CodeAction":
        """Builds an action from a dict (e.g. parsed model output); unknown keys are rejected like the server does."""
        if isinstance(data, CodeAction):
            return data
        if not isinstance(data, dict):
            raise ValueError("a CodeAction must be a JSON object")
        unknown = sorted(set(data) - set(_ACTION_FIELDS))
        if unknown:
            raise ValueError(f"unknown CodeAction field(s): {', '.join(unknown)}")
        if "action_type" not in data:
            raise ValueError("action_type is required")
        return cls(**{k: v for k, v in data.items() if not (k == "metadata" and v is None)})

    def model_dump(self, exclude_none: bool = False) -> Dict[str, Any]:
        data = {
            "thought": self.thought,
            "action_type": self.action_type,
            "start_line": self.start_line,
            "end_line": self.end_line,
            "new_code_block": self.new_code_block,
            "metadata": dict(self.metadata),
        }
        return {k: v for k, v in data.items() if v is not None} if exclude_none else data

    def model_dump_json(self, exclude_none: bool = False) -> str:
        return json.dumps(self.model_dump(exclude_none=exclude_none), ensure_ascii=True)


@dataclass
class TestResult:
    test_name: str
    passed: bool
    error_message: Optional[str] = None

    __test__ = False  # not a unittest/pytest test class


@dataclass
class CodeObservation:
    """What the agent sees. ``code_dict`` maps 1-based line numbers (ints here, strings on the wire) to line text."""

    code_dict: Dict[int, str] = field(default_factory=dict)
    localized_context: str = ""
    last_execution_output: str = ""
    syntax_error: bool = False
    test_results: List[TestResult] = field(default_factory=list)
    step_count: int = 0
    steps_remaining: int = 0
    reward_last_step: float = 0.0
    info: Dict[str, Any] = field(default_factory=dict)
    metadata: Dict[str, Any] = field(default_factory=dict)
    done: bool = False
    reward: Optional[float] = None

    @property
    def code(self) -> str:
        """The current source as one string."""
        return "\n".join(self.code_dict[n] for n in sorted(self.code_dict))

    @classmethod
    def from_wire(cls, payload: Dict[str, Any]) -> "CodeObservation":
        body = payload.get("observation") or {}
        return cls(
            code_dict={int(k): v for k, v in (body.get("code_dict") or {}).items()},
            localized_context=body.get("localized_context") or "",
            last_execution_output=body.get("last_execution_output") or "",
            syntax_error=bool(body.get("syntax_error", False)),
            test_results=[TestResult(t.get("test_name", ""), bool(t.get("passed")), t.get("error_message"))
                          for t in body.get("test_results") or []],
            step_count=int(body.get("step_count", 0)),
            steps_remaining=int(body.get("steps_remaining", 0)),
            reward_last_step=float(body.get("reward_last_step", 0.0)),
            info=dict(body.get("info") or {}),
            metadata=dict(body.get("metadata") or payload.get("metadata") or {}),
            done=bool(payload.get("done", False)),
            reward=payload.get("reward"),
        )


ObsT = TypeVar("ObsT")


@dataclass
class StepResult(Generic[ObsT]):
    observation: ObsT
    reward: Optional[float] = None
    done: bool = False


@dataclass
class State:
    episode_id: Optional[str] = None
    step_count: int = 0
    task_name: Optional[str] = None
    task_difficulty: Optional[str] = None
    done: bool = False
    max_steps: int = 0
    cumulative_reward: float = 0.0
    extra: Dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_wire(cls, payload: Dict[str, Any]) -> "State":
        known = {k: payload[k] for k in ("episode_id", "step_count", "task_name", "task_difficulty", "done", "max_steps", "cumulative_reward")
                 if k in payload}
        extra = {k: v for k, v in payload.items() if k not in known}
        return cls(**known, extra=extra)
