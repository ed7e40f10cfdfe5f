#!/bin/sh
# test-trellisctl.sh TRELLISCTL: trellisctl as a script would use it
set -u
ctl="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
pass=0
fail=0

ok () { pass=$((pass + 1)); echo "ok $((pass + fail)) - $1"; }
bad () { fail=$((fail + 1)); echo "not ok $((pass + fail)) - $1"; }
check () { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

db="$dir/demo.db"
# every command but demo signs in; scripts give the password in the environment
export TRELLIS_USER=manager TRELLIS_PASSWORD=trellis-demo
check "demo makes a home" "'$ctl' --db '$db' demo --children 12 --seed 4 >/dev/null"
check "database is private (0600)" "[ \"\$(stat -c %a '$db')\" = 600 ]"
check "demo refuses a database that has a home" "! '$ctl' --db '$db' demo --children 3 2>/dev/null"

"$ctl" --db "$db" children > "$dir/list.txt"
check "children lists one line each" "[ \$(wc -l < '$dir/list.txt') -ge 9 ]"

"$ctl" --db "$db" children --format json > "$dir/list.json"
check "children --format json is valid JSON with the documented fields" \
  "python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d)>=9; c=d[0]; [c[k] for k in (\"id\",\"given_name\",\"family_name\",\"preferred_name\",\"date_of_birth\",\"first_language\",\"link_worker\")]; assert len(c[\"date_of_birth\"])==10' '$dir/list.json'"

id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["id"])' "$dir/list.json")
family=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["family_name"])' "$dir/list.json")
"$ctl" --db "$db" children --search "$family" --format json > "$dir/search.json"
check "search by family name finds only that family" \
  "python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d and all(c[\"family_name\"]==sys.argv[2] for c in d)' '$dir/search.json' '$family'"
check "same seed, same home" "'$ctl' --db '$dir/again.db' demo --children 12 --seed 4 >/dev/null && '$ctl' --db '$dir/again.db' children --format json | cmp -s - '$dir/list.json'"

check "child ID shows the details" "'$ctl' --db '$db' child $id | grep -q 'Date of birth'"
check "print child-summary writes a PDF" "'$ctl' --db '$db' print child-summary --child $id -o '$dir/s.pdf' && [ -s '$dir/s.pdf' ] && head -c 5 '$dir/s.pdf' | grep -q '%PDF-'"
check "print of a child who is not there fails" "! '$ctl' --db '$db' print child-summary --child 99999 -o '$dir/n.pdf' 2>'$dir/err' && grep -q 99999 '$dir/err'"

check "missing database: error, not a crash" "'$ctl' --db '$dir/none.db' children 2>'$dir/err'; [ \$? -eq 1 ] && grep -q 'no database' '$dir/err' && [ ! -e '$dir/none.db' ]"
head -c 4096 /dev/urandom > "$dir/corrupt.db"
check "corrupt database: error, not a crash" "'$ctl' --db '$dir/corrupt.db' children 2>'$dir/err'; [ \$? -eq 1 ] && grep -q 'not a Trellis database' '$dir/err'"
check "bad --format is a usage error" "'$ctl' --db '$db' children --format xml 2>/dev/null; [ \$? -eq 2 ]"
check "unknown command is a usage error" "'$ctl' --db '$db' frobnicate 2>/dev/null; [ \$? -eq 2 ]"
check "--help documents the JSON fields" "'$ctl' --help | grep -q link_worker"
check "command --help" "'$ctl' children --help | grep -q -- --search"
check "unknown user refused" "! '$ctl' --db '$db' --user nobody children 2>/dev/null"
check "no user is a usage error" "env -u TRELLIS_USER '$ctl' --db '$db' children 2>/dev/null; [ \$? -eq 2 ]"
check "wrong password refused" "TRELLIS_PASSWORD=wrong-password '$ctl' --db '$db' children 2>'$dir/err'; [ \$? -eq 1 ] && grep -q 'not right' '$dir/err'"
check "staff list as the administrator" "'$ctl' --db '$db' --user admin staff list | grep -q visitor"
check "a manager cannot add accounts" "! TRELLIS_NEW_PASSWORD='a one-time phrase' '$ctl' --db '$db' staff add newbie --name 'Nia Newbie' --role staff 2>/dev/null"
check "the administrator adds an account" "TRELLIS_NEW_PASSWORD='a one-time phrase' '$ctl' --db '$db' --user admin staff add newbie --name 'Nia Newbie' --role staff >/dev/null"
check "a new account must choose its own password first" "! TRELLIS_PASSWORD='a one-time phrase' '$ctl' --db '$db' --user newbie children 2>'$dir/err' && grep -q 'own password' '$dir/err'"
check "a weak one-time password is refused" "! TRELLIS_NEW_PASSWORD=password123 '$ctl' --db '$db' --user admin staff add weak --name Weak --role staff 2>/dev/null"
check "a visitor reads but cannot read the audit" "'$ctl' --db '$db' --user visitor children >/dev/null && ! '$ctl' --db '$db' --user visitor audit list 2>/dev/null"
check "the audit shows who opened a record" "'$ctl' --db '$db' audit list --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert any(r[\"action\"]==\"view-child\" and r[\"staff\"]==\"Joanne Mensah\" for r in d)'"
check "home show gives the lock time" "'$ctl' --db '$db' --user visitor home show | grep -q '5 minutes'"
check "staff cannot change the lock time" "'$ctl' --db '$db' --user staff1 home set idle-lock-minutes 60 2>'$dir/err'; [ \$? -eq 1 ] && grep -q 'Manager or an Administrator' '$dir/err'"
check "a refused change changes nothing and audits nothing" "'$ctl' --db '$db' home show --format json | python3 -c 'import json,sys; assert json.load(sys.stdin)[\"idle_lock_minutes\"]==5' && ! '$ctl' --db '$db' audit list --format json | grep -q change-idle-lock"
check "the lock time cannot be turned off" "'$ctl' --db '$db' home set idle-lock-minutes 0 2>'$dir/err'; [ \$? -eq 1 ] && grep -q '1 to 60' '$dir/err'"
check "nor set past an hour" "'$ctl' --db '$db' home set idle-lock-minutes 61 2>'$dir/err'; [ \$? -eq 1 ] && grep -q '1 to 60' '$dir/err'"
check "a lock time that is not a number is a usage error" "'$ctl' --db '$db' home set idle-lock-minutes soon 2>/dev/null; [ \$? -eq 2 ]"
check "a manager changes the lock time, audited with both values" "'$ctl' --db '$db' home set idle-lock-minutes 10 | grep -q '10 minutes' && '$ctl' --db '$db' home show --format json | python3 -c 'import json,sys; assert json.load(sys.stdin)[\"idle_lock_minutes\"]==10' && '$ctl' --db '$db' audit list --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert [r for r in d if r[\"action\"]==\"change-idle-lock\" and r[\"detail\"]==\"5 → 10\" and r[\"staff\"]==\"Joanne Mensah\"]'"
check "audit verify passes" "'$ctl' --db '$db' audit verify | grep -q intact"
sqlite3 "$db" "UPDATE audit SET detail = 'edited' WHERE id = 2"
check "audit verify finds a row changed with sqlite3" "'$ctl' --db '$db' audit verify 2>'$dir/err'; [ \$? -eq 1 ] && grep -q 'row 2' '$dir/err'"

echo "1..$((pass + fail))"
echo "# $pass passed, $fail failed"
[ "$fail" -eq 0 ]
