# bench-lib.sh: what the benchmark scripts share; sourced, not run.
# Every measurement is appended to $results as one line:
#   SIZE <tab> KEY <tab> WHAT <tab> TRELLIS <tab> FLOOR <tab> UNIT
# and bench/bench-report.sh makes the tables from them. FLOOR is "-" for a row without one.

runs="${BENCH_RUNS:-5}"

now () { date +%s.%N; }
elapsed () { echo "$2 - $1" | bc -l; }

# The median of the numbers on standard input
median () {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1;
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# seconds COMMAND...: how long COMMAND takes, its output thrown away
seconds () {
  t0=$(now); "$@" >/dev/null; t1=$(now)
  elapsed "$t0" "$t1"
}

# median_seconds COMMAND...: the median of $runs timings of COMMAND
median_seconds () {
  i=0
  while [ "$i" -lt "$runs" ]; do
    seconds "$@"
    i=$((i + 1))
  done | median
}

# record SIZE KEY WHAT TRELLIS FLOOR UNIT
record () {
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$results"
  printf '  %-58s %10.4f %10s %s\n' "$3" "$4" "$5" "$6" >&2
}
