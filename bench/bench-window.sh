#!/bin/sh
# bench-window.sh TRELLIS FLOOR-WINDOW N DIR RESULTS: the real trellis on the demo home that
# bench-children.sh left in DIR/home.db, against bench/floor-window, both timed by the probe
# of bench/bench-probe.h (TRELLIS_BENCH_FIRST_FRAME=1):
#   first frame   launch to the first painted frame, and peak memory then (/usr/bin/time %M)
#   sign-in       after the first frame, signing in as a Manager until the children list is
#                 painted; the floor checks the same Argon2id hash and runs one query into a
#                 GtkListView
# Each run is a new Xvfb with its own D-Bus session, in-memory GSettings and empty
# XDG_DATA_HOME and XDG_CONFIG_HOME; trellis is given the home with --database.
set -eu
trellis="$1"
floor="$2"
n="$3"
dir="$4"
results="$5"
. "$(dirname "$0")/bench-lib.sh"
# each run at 50,000 children takes over a minute: fewer of them than of the quick rows
runs="${BENCH_GUI_RUNS:-3}"

home="$dir/home.db"
export GSETTINGS_BACKEND=memory

# gui OUT PROGRAM [ARGS...]: one run; the probe's lines go to OUT, peak memory (KiB) to OUT.kib
gui () {
  out="$1"
  shift
  rm -rf "$dir/xdg" && mkdir -p "$dir/xdg/data" "$dir/xdg/config"
  # The clock starts inside the new X server's and D-Bus session's shell, just before exec
  XDG_DATA_HOME="$dir/xdg/data" XDG_CONFIG_HOME="$dir/xdg/config" \
    xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
    sh -c 'TRELLIS_BENCH_T0=$(date +%s%6N) exec /usr/bin/time -f %M -o "$0.kib" "$@"' \
    "$out" "$@" >"$out" 2>>"$dir/gui.log"
}

# field OUT NAME: the seconds the probe printed after NAME
field () { awk -v name="$2" '$1 == name { print $2 }' "$1"; }

i=0
while [ "$i" -lt "$runs" ]; do
  # the two alternate, so that a busy moment of the machine falls on both alike
  TRELLIS_BENCH_FIRST_FRAME=1 gui "$dir/t-first.$i" "$trellis" --database "$home"
  TRELLIS_BENCH_FIRST_FRAME=1 gui "$dir/f-first.$i" "$floor"
  TRELLIS_BENCH_FIRST_FRAME=1 TRELLIS_BENCH_SIGN_IN=manager TRELLIS_BENCH_PASSWORD=trellis-demo \
    gui "$dir/t-sign-in.$i" "$trellis" --database "$home"
  TRELLIS_BENCH_FIRST_FRAME=1 FLOOR_DB="$dir/plain.db" FLOOR_USER=manager FLOOR_PASSWORD=trellis-demo \
    gui "$dir/f-sign-in.$i" "$floor"
  i=$((i + 1))
done

for f in "$dir"/t-first.? "$dir"/f-first.? "$dir"/t-sign-in.? "$dir"/f-sign-in.?; do
  grep -q '^first-frame ' "$f" || { echo "bench-window: no frame from a run; see $dir/gui.log" >&2; cat "$dir/gui.log" >&2; exit 1; }
done
for f in "$dir"/t-sign-in.? "$dir"/f-sign-in.?; do
  grep -q '^then ' "$f" || { echo "bench-window: a sign-in did not reach the list" >&2; cat "$dir/gui.log" >&2; exit 1; }
done

kib_mib () { awk '{ printf "%.1f\n", $1 / 1024 }'; }
record "$n" first-frame "first frame (launch to first painted frame)" \
  "$(for f in "$dir"/t-first.?; do field "$f" first-frame; done | median)" \
  "$(for f in "$dir"/f-first.?; do field "$f" first-frame; done | median)" s
record "$n" memory "peak memory at first frame" \
  "$(cat "$dir"/t-first.?.kib | median | kib_mib)" \
  "$(cat "$dir"/f-first.?.kib | median | kib_mib)" MiB

sign_in=$(for f in "$dir"/t-sign-in.?; do field "$f" then; done | median)
floor_sign_in=$(for f in "$dir"/f-sign-in.?; do field "$f" then; done | median)
check=$(for f in "$dir"/f-sign-in.?; do field "$f" password-check; done | median)
record "$n" sign-in-list "sign-in to the children list on screen" "$sign_in" "$floor_sign_in" s
# Both check the same hash with the same libsodium: the floor's own check, taken from both
record "$n" sign-in-list-bare "sign-in to list, less the floor's password check" \
  "$(echo "$sign_in - $check" | bc -l)" "$(echo "$floor_sign_in - $check" | bc -l)" s
