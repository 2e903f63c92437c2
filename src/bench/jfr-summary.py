#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording as the text "flame graph" of benchmarks.md.

    src/bench/jfr-summary.py recording.jfr [top]

Reads `jfr print --events jdk.ExecutionSample --stack-depth 512` (the JDK's own tool) and prints:
- inclusive shares: the part of all samples whose stack holds a frame of each area (session check, page query,
  rendering...), so that an area's share is what the request would save without it; areas overlap, since the
  session check runs Hibernate, which runs the JDBC driver;
- the hottest methods by self time (the top frame), and by the first frame of our own code (org.claimdesk) on
  the stack, which says which of our calls the time is spent under.
Only threads that serve requests count (executor and event-loop threads); JIT, GC and JFR's own threads are left
out, as are samples before the first request thread shows.
"""
import collections
import re
import subprocess
import sys

AREAS = [
    ("session check (Sessions.open)", re.compile(r"org\.claimdesk\.reviewer\.Sessions\.open")),
    ("session cookie (AES-GCM, PersistentLoginManager)", re.compile(r"PersistentLoginManager|SessionCookie\.")),
    ("account lookup (CurrentReviewer)", re.compile(r"org\.claimdesk\.reviewer\.CurrentReviewer\.")),
    ("list query (ClaimSearch)", re.compile(r"org\.claimdesk\.claim\.ClaimSearch\.")),
    ("claim page queries (ClaimDetails)", re.compile(r"org\.claimdesk\.claim\.ClaimDetails\.")),
    ("filter choices (Claims.choices)", re.compile(r"org\.claimdesk\.claim\.Claims\.choices")),
    ("Qute rendering", re.compile(r"^io\.quarkus\.qute\.")),
    ("Hibernate ORM", re.compile(r"^org\.hibernate\.")),
    ("JDBC driver (org.postgresql)", re.compile(r"^org\.postgresql\.")),
    ("transactions (Narayana)", re.compile(r"^com\.arjuna\.|^io\.quarkus\.narayana\.")),
    ("connection pool (Agroal)", re.compile(r"^io\.agroal\.")),
    ("security (quarkus.security / vertx http security)", re.compile(r"^io\.quarkus\.security\.|\.security\.HttpAuthenticator|HttpSecurityPolicy")),
    ("CSRF filter", re.compile(r"csrf", re.I)),
    ("HTTP (Vert.x, Netty)", re.compile(r"^io\.vertx\.|^io\.netty\.")),
    ("REST (RESTEasy Reactive)", re.compile(r"^org\.jboss\.resteasy\.reactive\.")),
    ("Jackson (JSON)", re.compile(r"^com\.fasterxml\.jackson\.")),
]
REQUEST_THREAD = re.compile(r'executor-thread|vert\.x-eventloop|vert\.x-worker')


def samples(path):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "512", path],
                          check=True, capture_output=True, text=True).stdout
    thread, frames, in_stack = None, [], False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("jdk.ExecutionSample"):
            thread, frames, in_stack = None, [], False
        elif line.startswith("sampledThread"):
            thread = line
        elif line.startswith("stackTrace = ["):
            in_stack = True
        elif in_stack and line == "]":
            in_stack = False
        elif in_stack and line and line != "...":
            frames.append(re.sub(r"\s+line:.*$", "", line))
        elif line == "}" and frames:
            yield thread or "", frames
            frames = []


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    total = 0
    areas = collections.Counter()
    self_time = collections.Counter()
    ours = collections.Counter()
    for thread, frames in samples(path):
        if not REQUEST_THREAD.search(thread):
            continue
        total += 1
        self_time[frames[0]] += 1
        first_own = next((f for f in frames if f.startswith("org.claimdesk.")), "(no org.claimdesk frame)")
        ours[first_own] += 1
        for name, pattern in AREAS:
            if any(pattern.search(f) for f in frames):
                areas[name] += 1
    if total == 0:
        print("no samples of request threads")
        return
    print(f"{total} CPU samples of request threads")
    print()
    print("inclusive share by area (overlapping):")
    for name, _ in AREAS:
        if areas[name]:
            print(f"  {100 * areas[name] / total:5.1f}%  {name}")
    print()
    print(f"top {top} methods by self time:")
    for frame, count in self_time.most_common(top):
        print(f"  {100 * count / total:5.1f}%  {frame}")
    print()
    print(f"top {top} by the innermost org.claimdesk frame:")
    for frame, count in ours.most_common(top):
        print(f"  {100 * count / total:5.1f}%  {frame}")


if __name__ == "__main__":
    main()
