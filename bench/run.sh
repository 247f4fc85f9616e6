#!/usr/bin/env bash
# KitBot benchmarks (issue 9): builds Release, installs the botbuilder peer, runs every benchmark, writes docs/benchmarks.md.
#   bench/run.sh                 the full run (about 6-10 minutes on 2 cores)
#   BENCH_QUICK=1 bench/run.sh   a smoke run with small numbers (figures not meaningful)
#   BENCH_NOTE="..." bench/run.sh   a note printed under the machine in the report (for example "taken under load")
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
command_line="${BENCH_QUICK:+BENCH_QUICK=$BENCH_QUICK }${BENCH_WARMUP_SECONDS:+BENCH_WARMUP_SECONDS=$BENCH_WARMUP_SECONDS }${BENCH_RATES:+BENCH_RATES=$BENCH_RATES }${BENCH_OPEN_SECONDS:+BENCH_OPEN_SECONDS=$BENCH_OPEN_SECONDS }bench/run.sh"

results="$(mktemp -d -t kitbot-bench-XXXXXX)"
echo "Results folder: $results"

echo "== Build (Release)"
dotnet build KitBot.sln -c Release -nologo -v quiet
kitbot_dll="$root/src/KitBot/bin/Release/net10.0/KitBot.dll"
# KitBot runs as the container image runs it (Dockerfile): a 4 MB first GC generation, which the runtime reads only
# from the environment. BENCH_GC_DEFAULT=1 measures the runtime's own sizing instead. Node (the peer) ignores it.
if [[ -z "${BENCH_GC_DEFAULT:-}" ]]; then export DOTNET_GCgen0size=0x400000; fi
bench=(dotnet "$root/bench/KitBot.Bench/bin/Release/net10.0/KitBot.Bench.dll")

echo "== Peer: npm ci (botbuilder 4.23.3)"
# botbuilder-dialogs' install script runs npx rimraf: answer npx's question with yes (docs/TESTING.md).
(cd bench/peer && npm_config_yes=true npm ci --no-audit --no-fund --loglevel=error)

if [[ -n "${BENCH_QUICK:-}" ]]; then
  users=10; consultations=50; big=100; events=200; reviews=500; unpaced=500; runs=2
else
  users=100; consultations=1000; big=1000; events=900; reviews=10000; unpaced=2000; runs=5
fi
# The open-loop rates and seconds per rate (BENCH_RATES="200,500,1000" BENCH_OPEN_SECONDS=10 by default, in quick runs too).
rates="${BENCH_RATES:-200,500,1000}"
open_seconds="${BENCH_OPEN_SECONDS:-10}"
# Warm-up before the measured part of the closed and open loops, in seconds (both bots): KitBot's JIT re-compiles hot
# methods at higher tiers for about 30 s of load after start on 2 cores, which a short warm-up measures as turn cost
# (bench/analysis.md, session of 2026-12-05 afternoon). BENCH_WARMUP_SECONDS=0 measures from just after start instead.
warmup_seconds="${BENCH_WARMUP_SECONDS:-30}"
if [[ -n "${BENCH_QUICK:-}" ]]; then warmup_seconds="${BENCH_WARMUP_SECONDS:-3}"; fi
# What else the machine was doing: the load average before and after goes into the report.
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "== Micro-benchmarks"
if [[ -z "${BENCH_QUICK:-}" ]]; then
  "${bench[@]}" micro --artifacts "$results/micro" || true
fi

echo "== Load: KitBot and the peer, $users users"
"${bench[@]}" load --bot kitbot --kitbot-dll "$kitbot_dll" --users "$users" --consultations "$consultations" --warmup-seconds "$warmup_seconds" --out "$results/load-kitbot-100.json" || true
"${bench[@]}" load --bot peer --peer-dir "$root/bench/peer" --users "$users" --consultations "$consultations" --warmup-seconds "$warmup_seconds" --out "$results/load-peer-100.json" || true

echo "== Open loop: fixed offered rates $rates turns/s, ${open_seconds} s each, KitBot and the peer"
"${bench[@]}" openloop --bot kitbot --kitbot-dll "$kitbot_dll" --rates "$rates" --seconds "$open_seconds" --warmup-seconds "$warmup_seconds" --out "$results/openloop-kitbot.json" || true
"${bench[@]}" openloop --bot peer --peer-dir "$root/bench/peer" --rates "$rates" --seconds "$open_seconds" --warmup-seconds "$warmup_seconds" --out "$results/openloop-peer.json" || true

echo "== Load: $big active conversations (peak memory)"
"${bench[@]}" load --bot kitbot --kitbot-dll "$kitbot_dll" --users "$big" --consultations "$big" --warmup 50 --out "$results/load-kitbot-1000.json" || true
"${bench[@]}" load --bot peer --peer-dir "$root/bench/peer" --users "$big" --consultations "$big" --warmup 50 --out "$results/load-peer-1000.json" || true

echo "== Slack acknowledgement"
"${bench[@]}" slack --kitbot-dll "$kitbot_dll" --events "$events" --concurrency 50 --out "$results/slack.json" || true

echo "== Reminder dispatch"
"${bench[@]}" reminders --reviews "$reviews" --rate 250 --burst 20 --out "$results/reminders.json" || true
"${bench[@]}" reminders --reviews "$unpaced" --rate 10000 --burst 20 --out "$results/reminders-unpaced.json" || true

echo "== Cold start"
"${bench[@]}" coldstart --kitbot-dll "$kitbot_dll" --runs "$runs" --out "$results/coldstart.json" || true

if [[ -f "$root/bench/analysis.md" ]]; then cp "$root/bench/analysis.md" "$results/analysis.md"; fi
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
"${bench[@]}" report --results "$results" --out "$root/docs/benchmarks.md" --command "$command_line" --note "${BENCH_NOTE:-}" \
  --load "before $load_before, after $load_after (1, 5, 15 min)"
echo "Done: docs/benchmarks.md (raw results in $results)"
