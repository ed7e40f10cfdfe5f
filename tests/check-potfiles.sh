#!/bin/sh
# Every source file with translatable strings is listed in po/POTFILES.in, and every listed
# file exists.
cd "$1" || exit 1
status=0
for f in $(grep -rlE '(^|[^a-zA-Z_])N?_\(|translatable="yes"' src data --include='*.c' --include='*.ui' --include='*.in' --include='*.xml' | sort); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done
for f in $(grep -v '^#' po/POTFILES.in); do
  [ -e "$f" ] || { echo "listed but missing: $f"; status=1; }
done
sorted=$(grep -v '^#' po/POTFILES.in | LC_ALL=C sort)
[ "$sorted" = "$(grep -v '^#' po/POTFILES.in)" ] || { echo "po/POTFILES.in is not sorted"; status=1; }
exit $status
