#!/bin/sh
# bench-children.sh TRELLISCTL N DIR RESULTS: trellisctl on a demo home of N children, each
# row against a floor measured in the same run (plain sqlite3 doing the nearest equivalent
# work, on an unencrypted copy of the same demo home, since sqlite3 cannot read an encrypted
# one), and the cost of encryption: the same trellisctl work on that unencrypted home.
# Leaves the demo home in DIR/home.db and its unencrypted twin in DIR/plain.db for
# bench-window.sh. See bench/README.md.
set -eu
ctl="$1"
n="$2"
dir="$3"
results="$4"
. "$(dirname "$0")/bench-lib.sh"

export TRELLIS_USER=manager TRELLIS_PASSWORD=trellis-demo
home="$dir/home.db"
plain="$dir/plain.db"

# Making the home: once at each size (tens of seconds at 50,000 children)
make=$(seconds "$ctl" --db "$home" demo --children "$n" --seed 1)
floor_make=$(seconds sqlite3 "$dir/floor.db" "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
  CREATE TABLE child (id INTEGER PRIMARY KEY, given_name TEXT, family_name TEXT, dob TEXT);
  WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $n)
  INSERT INTO child (given_name, family_name, dob)
  SELECT 'Name' || i, 'Family' || (i % 97), '2012-01-01' FROM s;")
record "$n" make "make the demo home" "$make" "$floor_make" s
# the same home as Trellis made it before it encrypted (only tests and benchmarks ask)
make_plain=$(seconds env TRELLIS_TEST_UNENCRYPTED=1 "$ctl" --db "$plain" demo --children "$n" --seed 1)
record "$n" crypt-make "encryption: make the demo home (floor: unencrypted)" "$make" "$make_plain" s

# Every command below signs in first (Argon2id, deliberately slow); this is that alone. An
# encrypted home's sign-in unwraps the data key (Argon2id MODERATE) and opens the database
# with it; an unencrypted one checks a hash (Argon2id INTERACTIVE).
sign_in=$(median_seconds "$ctl" --db "$home" home show)
sign_in_plain=$(median_seconds "$ctl" --db "$plain" home show)
record "$n" sign-in "trellisctl sign-in alone (home show)" "$sign_in" - s
record "$n" crypt-sign-in "encryption: sign in and open (floor: unencrypted)" "$sign_in" \
  "$sign_in_plain" s

list=$(median_seconds "$ctl" --db "$home" children --all --format json)
floor_list=$(median_seconds sqlite3 -json "$plain" "SELECT * FROM child
  ORDER BY coalesce(nullif(preferred_name, ''), given_name) COLLATE NOCASE,
  family_name COLLATE NOCASE, id")
record "$n" list "list every child as JSON" "$list" "$floor_list" s

search=$(median_seconds "$ctl" --db "$home" children --all --search hassan)
floor_search=$(median_seconds sqlite3 "$plain" "SELECT id, given_name, family_name FROM child
  WHERE search_key LIKE '%hassan%' ORDER BY given_name COLLATE NOCASE")
record "$n" search "search by name" "$search" "$floor_search" s
# what the pages' encryption costs, measured inside one program on the store (bench-crypt.c:
# 1,000 children written one by one, opening, 50 searches), against the same unencrypted
if [ -n "${BENCH_CRYPT:-}" ]; then
  mkdir -p "$dir/crypt"
  "$BENCH_CRYPT" 1000 "$dir/crypt" > "$dir/crypt.txt"
  while IFS="$(printf '\t')" read -r key encrypted unencrypted; do
    case "$key" in
      write) what="encryption: write 1,000 children one by one (floor: unencrypted)" ;;
      open) what="encryption: open and read a page of children (floor: unencrypted)" ;;
      search) what="encryption: 50 searches by name (floor: unencrypted)" ;;
    esac
    record "$n" "crypt-$key" "$what" "$encrypted" "$unencrypted" s
  done < "$dir/crypt.txt"
  rm -rf "$dir/crypt"
fi

# Opening a child at 130,000 audit rows: a copy of the unencrypted home whose audit trail is
# made up to 130,000 rows with sqlite3 (views of every child in turn); sqlite3 cannot write
# the encrypted one. Those rows carry no real hashes,
# so "trellisctl audit verify" fails on that copy; nothing here verifies it. The 50,000-child
# demo has about 130,400 rows of its own and needs none.
audited="$dir/audited.db"
sqlite3 "$plain" ".backup '$audited'"
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
