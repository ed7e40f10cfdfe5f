#!/bin/sh
# bench-children.sh TRELLISCTL: how long a big home takes to make, list and search, against a
# floor measured in the same run (plain sqlite3 doing the nearest equivalent work).
set -eu
ctl="$1"
n="${2:-10000}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

export TRELLIS_USER=manager TRELLIS_PASSWORD=trellis-demo

now () { date +%s.%N; }
elapsed () { echo "$2 - $1" | bc -l; }
ratio () { echo "scale=1; $1 / $2" | bc -l; }

t0=$(now); "$ctl" --db "$dir/big.db" demo --children "$n" --seed 1 >/dev/null; t1=$(now)
make=$(elapsed "$t0" "$t1")

t0=$(now)
sqlite3 "$dir/floor.db" "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
  CREATE TABLE child (id INTEGER PRIMARY KEY, given_name TEXT, family_name TEXT, dob TEXT);
  WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $n)
  INSERT INTO child (given_name, family_name, dob) SELECT 'Name' || i, 'Family' || (i % 97), '2012-01-01' FROM s;" >/dev/null
t1=$(now)
floor_make=$(elapsed "$t0" "$t1")

t0=$(now); "$ctl" --db "$dir/big.db" children --all --format json >/dev/null; t1=$(now)
list=$(elapsed "$t0" "$t1")
t0=$(now); sqlite3 -json "$dir/floor.db" "SELECT * FROM child ORDER BY given_name" >/dev/null; t1=$(now)
floor_list=$(elapsed "$t0" "$t1")

t0=$(now); "$ctl" --db "$dir/big.db" children --all --search "hassan" >/dev/null; t1=$(now)
search=$(elapsed "$t0" "$t1")
t0=$(now); sqlite3 "$dir/floor.db" "SELECT * FROM child WHERE family_name LIKE '%family9%'" >/dev/null; t1=$(now)
floor_search=$(elapsed "$t0" "$t1")

printf '| %-40s | %8s | %8s | %6s |\n' "what ($n children)" "trellis" "floor" "ratio"
printf '| %-40s | %8.3f | %8.3f | %6s |\n' "make the demo home" "$make" "$floor_make" "$(ratio "$make" "$floor_make")"
printf '| %-40s | %8.3f | %8.3f | %6s |\n' "list every child as JSON" "$list" "$floor_list" "$(ratio "$list" "$floor_list")"
printf '| %-40s | %8.3f | %8.3f | %6s |\n' "search by name" "$search" "$floor_search" "$(ratio "$search" "$floor_search")"
