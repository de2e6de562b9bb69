#!/usr/bin/env bash
# Records newly added public API in each library's PublicAPI.Unshipped.txt.
# Run it after adding public members on purpose; review the diff it leaves. CI never runs it:
# an unrecorded public API fails the build (RS0016), which is the point.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
dotnet build Sdk.sln -c Debug -p:TreatWarningsAsErrors=false -nologo -clp:NoSummary >"$log" 2>&1 || true
{ grep -E "RS0016|RS0017" "$log" || true; } | sort -u | while IFS= read -r line; do
  project=$(sed -E 's/.*\[(.*\.csproj)\].*/\1/' <<<"$line")
  dir=$(dirname "$project")
  symbol=$(sed -E "s/.*Symbol '(.*)' is (not part of|part of) the declared.*/\1/" <<<"$line")
  if grep -q RS0016 <<<"$line"; then
    echo "$symbol" >>"$dir/PublicAPI.Unshipped.txt"
  else
    # RS0017: declared but no longer exists; drop it from Unshipped (Shipped lines need a deliberate *REMOVED* entry).
    grep -vxF "$symbol" "$dir/PublicAPI.Unshipped.txt" >"$dir/PublicAPI.Unshipped.tmp" || true
    mv "$dir/PublicAPI.Unshipped.tmp" "$dir/PublicAPI.Unshipped.txt"
  fi
done
for f in src/*/PublicAPI.Unshipped.txt; do
  { echo '#nullable enable'; { grep -v '^#nullable enable$' "$f" || true; } | LC_ALL=C sort -u; } >"$f.tmp"
  mv "$f.tmp" "$f"
done
rm -f "$log"
git --no-pager diff --stat -- 'src/*/PublicAPI.Unshipped.txt' || true
