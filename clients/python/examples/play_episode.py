#!/usr/bin/env python3
"""Plays one TraceFix episode over the WebSocket protocol and prints every step.

    python3 examples/play_episode.py --url http://127.0.0.1:7860 --task binary_search_off_by_one
    python3 examples/play_episode.py --difficulty easy --seed 7 --fix-file my_fix.py

It looks at the code, runs the tests, optionally swaps the whole file for --fix-file, runs the tests again and submits.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracefix_rl import CodeAction, TraceFixEnv  # noqa: E402

PASS_COUNT = re.compile(r"Tests Passed:\s*(\d+)\s*/\s*(\d+)")


def summarise(output: str) -> str:
    match = PASS_COUNT.search(output)
    return f"{match.group(1)}/{match.group(2)} passing" if match else output.splitlines()[0] if output else ""


async def play(args: argparse.Namespace) -> int:
    reset_kwargs = {k: v for k, v in (("task_name", args.task), ("difficulty", args.difficulty), ("seed", args.seed)) if v is not None}
    async with TraceFixEnv(args.url) as env:
        result = await env.reset(**reset_kwargs)
        info = result.observation.info
        print(f"[START] task={info.get('task_name')} difficulty={info.get('task_difficulty')} lines={len(result.observation.code_dict)}")

        plan = [CodeAction(action_type="VIEW_CODE", thought="Read the program first."),
                CodeAction(action_type="RUN_TESTS", thought="See which hidden tests fail.")]
        if args.fix_file:
            fix = Path(args.fix_file).read_text().rstrip("\n")
            plan.append(CodeAction(action_type="REPLACE_LINES", thought="Apply the prepared fix.",
                                   start_line=1, end_line=len(result.observation.code_dict), new_code_block=fix))
            plan.append(CodeAction(action_type="RUN_TESTS", thought="Check the fix."))
        plan.append(CodeAction(action_type="SUBMIT", thought="Hand in the current code."))

        total = 0.0
        for action in plan:
            result = await env.step(action)
            total += result.reward or 0.0
            obs = result.observation
            print(f"[STEP {obs.step_count}] action={action.action_type} reward={result.reward:+.4f} done={result.done} "
                  f"{summarise(obs.last_execution_output)}")
            if result.done:
                break

        state = await env.state()
        score = result.observation.metadata.get("final_score", result.observation.info.get("final_score"))
        print(f"[END] episode={state.episode_id} steps={state.step_count} total_reward={total:+.4f} final_score={score}")
        return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:7860", help="server base URL (http:// or https://)")
    parser.add_argument("--task", help="task name or id, e.g. binary_search_off_by_one or task2_medium")
    parser.add_argument("--difficulty", choices=["easy", "medium", "hard"])
    parser.add_argument("--seed", type=int)
    parser.add_argument("--fix-file", help="a file whose content replaces the whole program before submitting")
    return asyncio.run(play(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
