#!/usr/bin/env python3
"""Checks that every `$ ec2type ...` block in README.md shows what the tool prints today
(run from this checkout with `cargo run -q -p ec2type --`). Usage: .ci/readme_outputs.py
[--fix]"""
import re
import shlex
import subprocess
import sys

BLOCK = re.compile(r"```text\n\$ ec2type (?P<args>[^\n]*)\n(?P<out>.*?)```", re.S)


def run(args):
    cmd = ["cargo", "run", "-q", "-p", "ec2type", "--"] + shlex.split(args)
    return subprocess.run(cmd, capture_output=True, text=True).stdout


def main():
    fix = "--fix" in sys.argv[1:]
    text = open("README.md").read()
    stale = []

    def check(match):
        actual = run(match["args"])
        if actual != match["out"]:
            stale.append(match["args"])
        if not fix:
            return match.group(0)
        start, end = match.span("out")
        offset = match.start()
        whole = match.group(0)
        return whole[: start - offset] + actual + whole[end - offset :]

    new = BLOCK.sub(check, text)
    count = len(BLOCK.findall(text))
    if fix:
        open("README.md", "w").write(new)
    if stale and not fix:
        print("README.md shows stale output for: " + "; ".join(stale), file=sys.stderr)
        print("run .ci/readme_outputs.py --fix", file=sys.stderr)
        sys.exit(1)
    print(f"README outputs: {count} blocks checked, {len(stale)} {'fixed' if fix else 'stale'}")


main()
