#!/usr/bin/env python3
"""Side-by-side footprint of JVM flag variants of the app (docs/memory.md, "Other collectors ...").

Runs every variant as its own app process at the same time, against one simulator and one broker that you
start first (the recipe in docs/memory.md), each on its own management port, started STAGGER seconds apart so
that no start-up competes with another. Every 15 s it prints each app's RSS (/proc) and G1 heap committed
(jcmd GC.heap_info; -1 for other collectors); at the end, per variant, the RSS min/median/max after 90 s,
the CPU used from 90 s to the end as a share of one core, and, for a variant given -Xlog:gc:file=<path>,
its GC pauses as a share of the time.

usage (from the repo root, after `mvn -B -q -o package -DskipTests`):
  bin/k2 kafka start; bin/k2 simulate --port 9443 --rate 500 --symbols btcusdt,ethusdt,bnbusdt &
  STAGGER=40 docs/tools/footprint-variants.py 7 g1= par="-XX:-UseG1GC -XX:+UseParallelGC -Xlog:gc:file=/tmp/gc-par.log"
A variant is name=flags; each runs as `bin/k2 run` runs the app (jvm.options, the class-data archive), with
the flags in K2_JAVA_OPTS (after jvm.options, so they win). Words of the form NAME=value among the flags are
environment variables of that variant instead, e.g. `nocds="K2_CDS=off"`. Logs: .k2/footprint/<name>.log.
"""
import os, re, signal, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
minutes = float(sys.argv[1])
variants = [a.split('=', 1) for a in sys.argv[2:]]
stagger = float(os.environ.get('STAGGER', '40'))
os.chdir(ROOT)
os.makedirs('.k2/footprint', exist_ok=True)
if not os.path.exists('target/k2-binance-stream.jar'):
    sys.exit('no target/k2-binance-stream.jar: run mvn -B -q -o package -DskipTests first')


def rss_mb(pid):
    try:
        return int(re.search(r'VmRSS:\s+(\d+)', open(f'/proc/{pid}/status').read()).group(1)) // 1024
    except (OSError, AttributeError):
        return -1


def cpu_seconds(pid):
    try:
        f = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
        return (int(f[11]) + int(f[12])) / os.sysconf('SC_CLK_TCK')
    except OSError:
        return -1


def gc_share(flags):
    """Pauses after 90 s as a share of the time, from the variant's own -Xlog:gc:file=..., or ''."""
    m = re.search(r'-Xlog:gc:file=(\S+)', flags)
    if not m or not os.path.exists(m.group(1)):
        return ''
    young = full = 0.0
    first = last = None
    for line in open(m.group(1)):
        p = re.search(r'\[(\d+\.\d+)s\].*Pause (Full)?.* (\d+\.\d+)ms', line)
        if not p or float(p.group(1)) < 90:
            continue
        first = first or float(p.group(1))
        last = float(p.group(1))
        if p.group(2):
            full += float(p.group(3))
        else:
            young += float(p.group(3))
    if not last or last <= first:
        return ''
    span_ms = (last - first) * 1000
    return f', GC pauses {100 * young / span_ms:.2f} % (young, remark, cleanup) + {100 * full / span_ms:.2f} % (full)'


def g1_heap_mb(pid):
    try:
        out = subprocess.run(['jcmd', str(pid), 'GC.heap_info'], capture_output=True, text=True, timeout=10).stdout
        m = re.search(r'garbage-first heap\s+total (\d+)K', out)
        return int(m.group(1)) // 1024 if m else -1
    except (OSError, subprocess.TimeoutExpired):
        return -1


procs = []
for i, (name, flags) in enumerate(variants):
    env = dict(os.environ, MALLOC_ARENA_MAX='2',
               K2_BINANCE_BASE_URL='ws://127.0.0.1:9443',
               K2_BINANCE_EXCHANGE_INFO_URL='http://127.0.0.1:9443/api/v3/exchangeInfo',
               K2_BINANCE_REST_BASE_URL='http://127.0.0.1:9443', K2_KAFKA_BROKERS='127.0.0.1:9092',
               K2_BINANCE_SYMBOLS='btcusdt,ethusdt,bnbusdt', K2_OBSERVE_PORT=str(9900 + i))
    words = flags.split()
    env.update(w.split('=', 1) for w in words if re.match(r'^[A-Z][A-Z0-9_]*=', w))
    env['K2_JAVA_OPTS'] = ' '.join(w for w in words if not re.match(r'^[A-Z][A-Z0-9_]*=', w))
    log = open(f'.k2/footprint/{name}.log', 'w')
    cmd = ['bin/k2', 'run']  # it execs java: the pid is the app's
    procs.append((name, subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)))
    print(f'started {name} (pid {procs[-1][1].pid}, port {9900 + i}): {flags or "jvm.options as shipped"}', flush=True)
    if i < len(variants) - 1:
        time.sleep(stagger)

samples = {name: [] for name, _ in variants}
cpu_from = {}
t0 = time.time()
try:
    while time.time() - t0 < minutes * 60:
        time.sleep(15)
        elapsed = int(time.time() - t0)
        line = [f'{elapsed:4d}s']
        for name, p in procs:
            rss, heap = rss_mb(p.pid), g1_heap_mb(p.pid)
            samples[name].append((elapsed, rss))
            if elapsed >= 90 and name not in cpu_from:
                cpu_from[name] = (time.time(), cpu_seconds(p.pid))
            line.append(f'{name}={rss}MB/heap {heap}MB')
        print('  '.join(line), flush=True)
    print('variant: RSS after 90 s min / median / max, CPU from 90 s on')
    for name, p in procs:
        rss = [r for t, r in samples[name] if t >= 90 and r > 0]
        cpu = ''
        if name in cpu_from:
            started, used = cpu_from[name]
            cpu = f', CPU {100 * (cpu_seconds(p.pid) - used) / (time.time() - started):.1f} % of a core'
        if rss:
            flags = dict(variants)[name]
            print(f'{name}: {min(rss)} / {statistics.median(rss)} / {max(rss)} MB{cpu}{gc_share(flags)}')
        else:
            print(f'{name}: no sample (see .k2/footprint/{name}.log)')
finally:
    for _, p in procs:
        p.send_signal(signal.SIGTERM)
    for _, p in procs:
        p.wait(timeout=60)
