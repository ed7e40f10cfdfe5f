#!/bin/sh
# The layers hold: only src/core/store/sqlite/ includes <sqlite3.h> (the rest of the store
# goes through its seam, and the app, the CLI and print through the store), and nothing in
# src/core or src/print includes GTK, GDK or libadwaita.
# The tests are left out on purpose: they read and tamper with the database behind the
# store's back, which is how they check it.
cd "$1" || exit 1
status=0

sqlite=$(grep -rlE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]sqlite3\.h[>"]' src \
           --include='*.c' --include='*.h' | grep -v '^src/core/store/sqlite/')
for f in $sqlite; do
  echo "includes sqlite3.h outside src/core/store/sqlite/: $f"
  status=1
done

gtk=$(grep -rlE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](gtk|gdk|adwaita)[/.a-z0-9_-]*[>"]' \
        src/core src/print --include='*.c' --include='*.h')
for f in $gtk; do
  echo "includes GTK in a layer under the app: $f"
  status=1
done

# the check itself must see the files it guards
[ -f src/core/store/sqlite/trellis-sqlite-private.h ] &&
  grep -qE '#include <sqlite3\.h>' src/core/store/sqlite/trellis-sqlite-private.h ||
  { echo "src/core/store/sqlite/trellis-sqlite-private.h no longer includes sqlite3.h: check this script"; status=1; }

exit $status
