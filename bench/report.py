#!/usr/bin/env python3
"""Turns the raw files of bench/run.sh into summary.txt (Markdown tables) and, with --chart,
chart.png. Usage: report.py RESULTS_DIR [--chart]. Reports; asserts nothing."""
import os
import sys

CLIENTS = ["libflexiti", "baseline-c", "python-requests"]
OPS = ["token", "lookup", "authorize", "captures"]


def rows(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [l.split() for l in f if l.strip() and not l.startswith("#")]


def fmt_int(v):
    return "-" if v is None else f"{v:,.0f}"


def main():
    out = sys.argv[1]
    chart = "--chart" in sys.argv
    ir = {(r[0], r[1]): int(r[5]) for r in rows(f"{out}/callgrind.txt")}
    wall = {(r[0], r[1]): float(r[4]) for r in rows(f"{out}/wall.txt")}
    conns = {(r[0], r[1]): r[2:] for r in rows(f"{out}/connections.txt")}
    rss = {(r[0], r[1]): r[2:] for r in rows(f"{out}/rss.txt")}
    startup = {r[0]: r[1:] for r in rows(f"{out}/startup.txt")}
    # HTTPS rows (client op N instructions_per_call best_ops_per_sec; "-" when not measured).
    num = lambda v, t: None if v == "-" else t(v)  # noqa: E731
    tls_ir = {(r[0], r[1]): num(r[3], int) for r in rows(f"{out}/tls.txt")}
    tls_wall = {(r[0], r[1]): num(r[4], float) for r in rows(f"{out}/tls.txt")}
    ops = [o for o in OPS if any((c, o) in wall or (c, o) in ir for c in CLIENTS)]
    # Every run, in repetition order: run i of one client was made next to run i of the other.
    runs = lambda r: [float(x) for x in r[5].split(",")] if len(r) > 5 else []  # noqa: E731
    wall_runs = {(r[0], r[1]): runs(r) for r in rows(f"{out}/wall.txt")}
    tls_runs = {(r[0], r[1]): runs(r) for r in rows(f"{out}/tls.txt")}

    lines = []
    env = open(f"{out}/environment.txt").read().strip() if os.path.exists(f"{out}/environment.txt") else ""
    lines += ["```", env, "```", ""]

    lines += ["### Client instructions per call (callgrind) and operations per second", "",
              "| operation | libflexiti | C baseline | Python requests | libflexiti / C (target <= 1.15) "
              "| Python / libflexiti (target >= 20) | ops/s libflexiti | ops/s C | ops/s Python |",
              "|---|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for op in ops:
        f, c, p = (ir.get((k, op)) for k in CLIENTS)
        ratio_c = f"{f / c:.2f}x" if f and c else "-"
        ratio_p = f"{p / f:.1f}x" if f and p else "-"
        w = [wall.get((k, op)) for k in CLIENTS]
        lines.append(f"| {op} | {fmt_int(f)} | {fmt_int(c)} | {fmt_int(p)} | {ratio_c} | {ratio_p} | "
                     + " | ".join(fmt_int(x) for x in w) + " |")
    missing = [o for o in OPS if o not in ops or (("libflexiti", o) not in wall)]
    if missing:
        lines += ["", "Not measured for libflexiti (not in this build): " + ", ".join(missing) + "."]

    if tls_wall:
        ratio = lambda a, b: f"{a / b:.2f}x" if a and b else "-"  # noqa: E731
        lines += ["", "### Plain HTTP and HTTPS (nginx terminating TLS in front of the same server)", "",
                  "Instructions per call of the client process and calls per second, libflexiti next to the C "
                  "baseline; HTTPS is what production uses.", "",
                  "| operation | transport | libflexiti instr. | C instr. | libflexiti / C | ops/s libflexiti "
                  "| ops/s C | ops/s libflexiti / C |", "|---|---|--:|--:|--:|--:|--:|--:|"]
        for op in ops:
            for transport, i_d, w_d in (("HTTP", ir, wall), ("HTTPS", tls_ir, tls_wall)):
                f, c = i_d.get(("libflexiti", op)), i_d.get(("baseline-c", op))
                wf, wc = w_d.get(("libflexiti", op)), w_d.get(("baseline-c", op))
                if f is None and c is None and wf is None and wc is None:
                    continue
                lines.append(f"| {op} | {transport} | {fmt_int(f)} | {fmt_int(c)} | {ratio(f, c)} | {fmt_int(wf)} "
                             f"| {fmt_int(wc)} | {ratio(wf, wc)} |")

    paired = []
    for op in ops:
        for transport, runs_d in (("HTTP", wall_runs), ("HTTPS", tls_runs)):
            f, c = runs_d.get(("libflexiti", op), []), runs_d.get(("baseline-c", op), [])
            pairs = sorted(a / b for a, b in zip(f, c) if b)
            if pairs:
                median = pairs[len(pairs) // 2] if len(pairs) % 2 else (pairs[len(pairs) // 2 - 1] + pairs[len(pairs) // 2]) / 2
                paired.append(f"| {op} | {transport} | {len(pairs)} | {median:.2f}x | {pairs[0]:.2f}x - {pairs[-1]:.2f}x |")
    if paired:
        lines += ["", "### Calls per second, run by run (target >= 0.9)", "",
                  "Each repetition runs the two C clients back to back on the same operation; the ratio of those two "
                  "runs (libflexiti / C) is taken per repetition, and its median is less sensitive to the machine's "
                  "other load than the ratio of the best runs.", "",
                  "| operation | transport | repetitions | median of libflexiti / C | range |", "|---|---|--:|--:|--:|"]
        lines += paired

    lines += ["", "### TCP connections and token requests, new session, no warm-up", "",
              "| client | operation | calls | connections (server) | token requests (server) "
              "| connections (client) | token requests (client) |", "|---|---|--:|--:|--:|--:|--:|"]
    for c in CLIENTS:
        for op in ops:
            if (c, op) in conns:
                v = conns[(c, op)]
                lines.append(f"| {c} | {op} | " + " | ".join(v) + " |")

    lines += ["", "### Resident set size (KiB)", "",
              "| client | operation | after warm-up | first sample | last sample | growth first -> last |",
              "|---|---|--:|--:|--:|--:|"]
    for c in CLIENTS:
        for op in ops:
            if (c, op) in rss:
                v = rss[(c, op)]
                samples = [s.split(":") for s in v[1:]]
                if not samples:
                    continue
                first, last = samples[0], samples[-1]
                lines.append(f"| {c} | {op} | {v[0]} | {first[1]} (call {first[0]}) | {last[1]} (call {last[0]}) "
                             f"| {int(last[1]) - int(first[1]):+d} |")

    size_line = open(f"{out}/startup.txt").readline().lstrip("# ").strip() if os.path.exists(f"{out}/startup.txt") else ""
    lines += ["", "### Library size and start-up (median, ms; instructions of the whole process)", "", size_line, "",
              "| client | load (dlopen / import) | create session | total | instructions, load + session |",
              "|---|--:|--:|--:|--:|"]
    base_ir = startup.get("baseline-c", [])[3:4]
    for c in CLIENTS:
        if c in startup:
            v = list(startup[c]) + ["-"] * (4 - len(startup[c]))
            ir_text = v[3]
            if ir_text != "-":
                ir_text = f"{int(ir_text):,}"
                if base_ir and base_ir[0] != "-" and c != "baseline-c":
                    ir_text += f" ({int(v[3]) / int(base_ir[0]):.2f}x)"
            lines.append(f"| {c} | " + " | ".join(v[:3]) + f" | {ir_text} |")

    text = "\n".join(lines) + "\n"
    with open(f"{out}/summary.txt", "w") as f:
        f.write(text)
    print(text)

    if chart:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        colors = {"libflexiti": "#1f77b4", "baseline-c": "#7f7f7f", "python-requests": "#ff7f0e"}
        labels = {"libflexiti": "libflexiti (C API)", "baseline-c": "C: libcurl + jansson by hand",
                  "python-requests": "Python requests"}
        fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
        width = 0.27
        for ax, data, title, ylabel in (
                (axes[0], ir, "Client CPU instructions per call (callgrind, lower is better)", "instructions (log scale)"),
                (axes[1], wall, "Calls per second, one session (higher is better)", "calls / s (log scale)")):
            for k, c in enumerate(CLIENTS):
                xs = [i + (k - 1) * width for i, op in enumerate(ops) if (c, op) in data]
                ys = [data[(c, op)] for op in ops if (c, op) in data]
                bars = ax.bar(xs, ys, width, label=labels[c], color=colors[c])
                ax.bar_label(bars, labels=[f"{y / 1000:.0f}k" if y >= 1000 else f"{y:.0f}" for y in ys],
                             fontsize=7, padding=2)
                if c == "libflexiti":  # operations not in this build of the library
                    for i, op in enumerate(ops):
                        if (c, op) not in data and data:
                            ax.text(i - width, min(data.values()), "pending", rotation=90, ha="center",
                                    va="bottom", fontsize=7, color=colors[c])
            ax.set_xticks(range(len(ops)), ops)
            ax.set_yscale("log")
            ax.set_title(title, fontsize=10)
            ax.set_ylabel(ylabel)
            ax.grid(axis="y", alpha=0.3)
        handles, names = axes[0].get_legend_handles_labels()
        fig.legend(handles, names, loc="lower center", ncol=3, fontsize=8, frameon=False)
        fig.suptitle("libflexiti against a fixed-response local server", fontsize=11)
        fig.tight_layout(rect=(0, 0.06, 1, 1))
        fig.savefig(f"{out}/chart.png", dpi=110)


if __name__ == "__main__":
    main()
