#!/bin/sh
# bench-children.sh TRELLISCTL N DIR RESULTS: trellisctl on a demo home of N children, each
# row against a floor measured in the same run (plain sqlite3 doing the nearest equivalent
# work). Leaves the demo home in DIR/home.db for bench-window.sh. See bench/README.md.
set -eu
ctl="$1"
n="$2"
dir="$3"
results="$4"
. "$(dirname "$0")/bench-lib.sh"

export TRELLIS_USER=manager TRELLIS_PASSWORD=trellis-demo
home="$dir/home.db"

# Making the home: once at each size (tens of seconds at 50,000 children)
make=$(seconds "$ctl" --db "$home" demo --children "$n" --seed 1)
floor_make=$(seconds sqlite3 "$dir/floor.db" "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
  CREATE TABLE child (id INTEGER PRIMARY KEY, given_name TEXT, family_name TEXT, dob TEXT);
  WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $n)
  INSERT INTO child (given_name, family_name, dob)
  SELECT 'Name' || i, 'Family' || (i % 97), '2012-01-01' FROM s;")
record "$n" make "make the demo home" "$make" "$floor_make" s

# Every command below signs in first (Argon2id, deliberately slow); this is that alone.
record "$n" sign-in "trellisctl sign-in alone (home show)" \
  "$(median_seconds "$ctl" --db "$home" home show)" - s

list=$(median_seconds "$ctl" --db "$home" children --all --format json)
floor_list=$(median_seconds sqlite3 -json "$home" "SELECT * FROM child
  ORDER BY coalesce(nullif(preferred_name, ''), given_name) COLLATE NOCASE,
  family_name COLLATE NOCASE, id")
record "$n" list "list every child as JSON" "$list" "$floor_list" s

search=$(median_seconds "$ctl" --db "$home" children --all --search hassan)
floor_search=$(median_seconds sqlite3 "$home" "SELECT id, given_name, family_name FROM child
  WHERE search_key LIKE '%hassan%' ORDER BY given_name COLLATE NOCASE")
record "$n" search "search by name" "$search" "$floor_search" s

# Opening a child at 130,000 audit rows: a copy of the home whose audit trail is made up to
# 130,000 rows with sqlite3 (views of every child in turn). Those rows carry no real hashes,
# so "trellisctl audit verify" fails on that copy; nothing here verifies it. The 50,000-child
# demo has about 130,400 rows of its own and needs none.
audited="$dir/audited.db"
sqlite3 "$home" ".backup '$audited'"
sqlite3 "$audited" "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s
    WHERE i < 130000 - (SELECT count(*) FROM audit))
  INSERT INTO audit (at, staff_id, action, child_id, detail, prev_hash, hash)
  SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), (SELECT id FROM staff WHERE username = 'manager'),
         'view-child', 1 + i % $n, '', 'bench', 'bench' FROM s
  WHERE (SELECT count(*) FROM audit) < 130000;"
rows=$(sqlite3 "$audited" "SELECT count(*) FROM audit")
id=$(( (n + 1) / 2 ))

open=$(median_seconds "$ctl" --db "$audited" child "$id")
floor_open=$(median_seconds sqlite3 "$audited" "SELECT * FROM child WHERE id = $id;
  SELECT a.*, s.display_name FROM link_worker_assignment a JOIN staff s ON s.id = a.staff_id
  WHERE a.child_id = $id ORDER BY a.start_date;")
echo "  (the copy has $rows audit rows)" >&2
record "$n" open "open a child at ~130,000 audit rows (child ID)" "$open" "$floor_open" s

trail=$(median_seconds "$ctl" --db "$audited" audit list --child "$id")
floor_trail=$(median_seconds sqlite3 "$audited" "SELECT a.*, s.display_name FROM audit a
  LEFT JOIN staff s ON s.id = a.staff_id WHERE a.child_id = $id ORDER BY a.id DESC LIMIT 200")
record "$n" trail "that child's audit trail (audit list --child ID)" "$trail" "$floor_trail" s
