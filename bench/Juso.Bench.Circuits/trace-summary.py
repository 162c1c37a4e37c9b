#!/usr/bin/env python3
"""Sums a Chrome trace from the board bench's --trace: CPU by process and thread, and the renderers' main-thread work
by kind, in the 5 s with nobody editing and in the edit that follows.

    python3 bench/Juso.Bench.Circuits/trace-summary.py /tmp/board-trace.20.json
"""
import collections
import json
import sys

IDLE_SECONDS = 5  # the bench traces this long with the boards open before it edits
# The renderer main thread's work, as DevTools' performance panel names it (nested: a line includes those inside it).
KINDS = ["FunctionCall", "TimerFire", "EventDispatch", "RunMicrotasks", "v8.run", "ParseHTML", "UpdateLayoutTree",
         "Layout", "PrePaint", "Paint", "Layerize", "Commit", "UpdateLayer", "ScrollLayer", "HitTest",
         "IntersectionObserverController::computeIntersections", "ProxyMain::BeginMainFrame"]


def main(path):
    with open(path, encoding="utf-8") as f:
        events = json.load(f)["traceEvents"]
    process_names, thread_names = {}, {}
    for e in events:
        if e.get("ph") == "M" and e.get("name") == "process_name":
            process_names[e["pid"]] = e["args"]["name"]
        elif e.get("ph") == "M" and e.get("name") == "thread_name":
            thread_names[(e["pid"], e["tid"])] = e["args"]["name"]
    start = min(e["ts"] for e in events if e.get("ph") == "X")
    end = max(e["ts"] + e.get("dur", 0) for e in events if e.get("ph") == "X")
    split = start + IDLE_SECONDS * 1_000_000
    edit_seconds = (end - split) / 1e6

    cpu = {"idle": collections.Counter(), "edit": collections.Counter()}
    kinds = {"idle": collections.Counter(), "edit": collections.Counter()}
    counts = {"idle": collections.Counter(), "edit": collections.Counter()}
    renderers = set()
    for e in events:
        if e.get("ph") != "X":
            continue
        window = "idle" if e["ts"] < split else "edit"
        process = process_names.get(e["pid"], "?")
        if process == "Renderer":
            renderers.add(e["pid"])
        thread = thread_names.get((e["pid"], e["tid"]), "?")
        # Top-level tasks do not nest, so their thread time is the thread's CPU.
        if e.get("cat") == "toplevel" and e["name"] in ("ThreadControllerImpl::RunTask", "ThreadPool_RunTask"):
            cpu[window][(process, thread)] += e.get("tdur", e.get("dur", 0))
        if process == "Renderer" and thread == "CrRendererMain" and e["name"] in KINDS:
            kinds[window][e["name"]] += e.get("tdur", e.get("dur", 0))
            counts[window][e["name"]] += 1

    print(f"{len(renderers)} renderer processes; idle window {IDLE_SECONDS} s, edit window {edit_seconds:.2f} s")
    for window, seconds in (("idle", IDLE_SECONDS), ("edit", edit_seconds)):
        total = sum(cpu[window].values()) / 1000
        print(f"\n== {window}: {total:.0f} ms of top-level task CPU ({total / seconds:.0f} ms/s)")
        for (process, thread), us in cpu[window].most_common(12):
            print(f"  {us / 1000:9.1f} ms  {process} / {thread}")
        print("  renderer main thread by kind (nested; count):")
        for name, us in kinds[window].most_common():
            print(f"  {us / 1000:9.1f} ms  {name} ({counts[window][name]})")


if __name__ == "__main__":
    main(sys.argv[1])
