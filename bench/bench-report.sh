#!/bin/sh
# bench-report.sh RESULTS: the Markdown tables of a run of build-aux/bench: one per size with
# the ratio to the floor, then how each row grew from the smallest size to the largest.
set -eu
results="$1"

awk -F '\t' '
  function fmt(v, unit) {
    if (v == "-") return "-";
    if (unit == "MiB") return sprintf("%.0f", v);
    return sprintf("%.3f", v);
  }
  function ratio(a, b) { return (a == "-" || b == "-" || b + 0 == 0) ? "-" : sprintf("%.1f", a / b); }
  {
    if (!($1 in seen_size)) { seen_size[$1] = 1; sizes[++n_sizes] = $1 }
    if (!($2 in seen_key)) { seen_key[$2] = 1; keys[++n_keys] = $2; what[$2] = $3; unit[$2] = $6 }
    t[$1, $2] = $4; f[$1, $2] = $5; has[$1, $2] = 1
  }
  END {
    for (s = 1; s <= n_sizes; s++) {
      size = sizes[s]
      printf "\n%d children:\n\n", size
      printf "| %-52s | %4s | %8s | %8s | %6s |\n", "what", "unit", "Trellis", "floor", "ratio"
      printf "|%s|%s|%s|%s|%s|\n", "------------------------------------------------------",
             "------", "---------:", "---------:", "-------:"
      for (k = 1; k <= n_keys; k++) {
        key = keys[k]
        if (!((size, key) in has)) continue
        printf "| %-52s | %4s | %8s | %8s | %6s |\n", what[key], unit[key],
               fmt(t[size, key], unit[key]), fmt(f[size, key], unit[key]),
               ratio(t[size, key], f[size, key])
      }
    }
    if (n_sizes < 2) exit
    small = sizes[1]; large = sizes[n_sizes]
    printf "\nGrowth from %d to %d children (×%.0f the children):\n\n", small, large, large / small
    printf "| %-52s | %8s | %8s |\n", "what", "Trellis", "floor"
    printf "|%s|%s|%s|\n", "------------------------------------------------------",
           "---------:", "---------:"
    for (k = 1; k <= n_keys; k++) {
      key = keys[k]
      if (!((small, key) in has) || !((large, key) in has)) continue
      printf "| %-52s | %8s | %8s |\n", what[key], ratio(t[large, key], t[small, key]),
             ratio(f[large, key], f[small, key])
    }
  }
' "$results"
