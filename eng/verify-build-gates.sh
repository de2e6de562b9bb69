#!/usr/bin/env bash
# Proves the build gates bite: a banned API in src/ and an unrecorded public API must each fail the build.
# Works on a throwaway copy of the repository so the real tree is never touched.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$root" --exclude=bin --exclude=obj --exclude=artifacts --exclude=.git --exclude=node_modules -cf - . | tar -C "$work" -xf -

expect_failure() { # name, diagnostic id, file content
  local name=$1 id=$2 content=$3 file="$work/src/Ordering.Sdk/BuildGateProbe.cs" log="$work/$1.log"
  printf '%s\n' "$content" >"$file"
  if dotnet build "$work/src/Ordering.Sdk/Ordering.Sdk.csproj" -c Release -nologo >"$log" 2>&1; then
    echo "build gate '$name' did NOT fail the build" >&2; exit 1
  fi
  grep -q "$id" "$log" || { echo "build gate '$name' failed for another reason:" >&2; grep -E 'error' "$log" | head -5 >&2; exit 1; }
  rm -f "$file"
  echo "build gate '$name': the build fails with $id as it should"
}

expect_failure banned-clock RS0030 'namespace Ordering.Sdk;
internal static class BuildGateProbe { public static System.DateTime Now() => System.DateTime.Now; }'
expect_failure unrecorded-public-api RS0016 'namespace Ordering.Sdk;
/// <summary>Probe.</summary>
public static class BuildGateProbe { /// <summary>Probe.</summary>
public static int Value => 1; }'
