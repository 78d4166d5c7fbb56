"""Checks the client against a running server: TRACEFIX_BASE_URL=http://127.0.0.1:7860 python3 -m unittest discover tests"""

from __future__ import annotations

import asyncio
import os
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracefix_rl import CodeAction, ServerError, TraceFixEnv, TraceFixRLEnv  # noqa: E402

BASE_URL = os.environ.get("TRACEFIX_BASE_URL")
TASK = "binary_search_off_by_one"


@unittest.skipUnless(BASE_URL, "set TRACEFIX_BASE_URL to a running TraceFix server")
class LiveServerTests(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self) -> None:
        self.env = TraceFixEnv(BASE_URL)

    async def asyncTearDown(self) -> None:
        await self.env.close()

    async def test_reset_returns_a_typed_observation(self) -> None:
        result = await self.env.reset(task_name=TASK, seed=1, ignored_key="x")

        obs = result.observation
        self.assertIsNone(result.reward)
        self.assertFalse(result.done)
        self.assertTrue(all(isinstance(k, int) for k in obs.code_dict))
        self.assertIn("def binary_search", obs.code)
        self.assertEqual(obs.info["task_name"], TASK)
        self.assertIs(obs.syntax_error, False)
        self.assertEqual(obs.step_count, 0)
        self.assertGreater(obs.steps_remaining, 0)
        self.assertIsInstance(obs.metadata, dict)

    async def test_steps_report_rewards_and_tests(self) -> None:
        await self.env.reset(task_name=TASK)

        view = await self.env.step(CodeAction(action_type="VIEW_CODE", thought="look"))
        run = await self.env.step(CodeAction(action_type="RUN_TESTS", thought="test"))

        self.assertAlmostEqual(view.reward, -0.01)
        self.assertIn("=== Full Source ===", view.observation.last_execution_output)
        self.assertRegex(run.observation.last_execution_output, r"Tests Passed:\s*\d+\s*/\s*\d+")
        self.assertTrue(run.observation.test_results)
        self.assertFalse(all(t.passed for t in run.observation.test_results))
        state = await self.env.state()
        self.assertEqual(state.step_count, 2)
        self.assertEqual(state.task_name, TASK)

    async def test_server_validation_error_is_raised_and_the_session_survives(self) -> None:
        await self.env.reset(task_name=TASK)

        with self.assertRaises(ServerError) as caught:
            await self.env.step({"thought": "t", "action_type": "REPLACE_LINES", "start_line": "12", "end_line": 12})

        self.assertEqual(caught.exception.code, "VALIDATION_ERROR")
        self.assertIn("(code: VALIDATION_ERROR)", str(caught.exception))
        self.assertEqual(caught.exception.errors[0]["loc"], ["start_line"])
        after = await self.env.step(CodeAction(action_type="VIEW_CODE"))
        self.assertEqual(after.observation.step_count, 1)

    async def test_unknown_task_is_an_execution_error(self) -> None:
        with self.assertRaises(ServerError) as caught:
            await self.env.reset(task_name="no_such_task")

        self.assertEqual(caught.exception.code, "EXECUTION_ERROR")
        self.assertIn(TASK, caught.exception.server_message)

    async def test_two_clients_do_not_share_an_episode(self) -> None:
        other = TraceFixRLEnv(BASE_URL)
        try:
            await self.env.reset(task_name=TASK)
            await other.reset(task_name=TASK)
            await self.env.step(CodeAction(action_type="REPLACE_LINES", start_line=1, end_line=1, new_code_block="# mine"))

            mine, theirs = await asyncio.gather(self.env.step(CodeAction(action_type="VIEW_CODE")),
                                                other.step(CodeAction(action_type="VIEW_CODE")))

            self.assertEqual(mine.observation.code_dict[1], "# mine")
            self.assertNotEqual(theirs.observation.code_dict[1], "# mine")
        finally:
            await other.close()

    def test_client_side_validation_matches_the_server(self) -> None:
        with self.assertRaises(ValueError):
            CodeAction(action_type="REPLACE_LINES", start_line="12")  # type: ignore[arg-type]
        with self.assertRaises(ValueError):
            CodeAction.model_validate({"action_type": "VIEW_CODE", "line": 3})
        action = CodeAction.model_validate({"thought": "t", "action_type": "SUBMIT", "start_line": None})
        self.assertEqual(action.model_dump(exclude_none=True), {"thought": "t", "action_type": "SUBMIT", "metadata": {}})
        self.assertIs(CodeAction.model_validate(action), action)
        self.assertIn('"start_line": null', action.model_dump_json(exclude_none=False))


@unittest.skipUnless(BASE_URL, "set TRACEFIX_BASE_URL to a running TraceFix server")
class SyncWrapperTests(unittest.TestCase):
    def test_sync_wrapper_plays_steps(self) -> None:
        with TraceFixEnv(BASE_URL).sync() as env:
            result = env.reset(difficulty="easy", seed=5)
            self.assertEqual(result.observation.info["task_difficulty"], "easy")
            step = env.step(CodeAction(action_type="SUBMIT", thought="give up"))
            self.assertTrue(step.done)
            self.assertIn("final_score", step.observation.metadata)


if __name__ == "__main__":
    unittest.main()
