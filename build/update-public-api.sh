#!/usr/bin/env bash
# Rewrites the PublicAPI.Unshipped.txt of src/IntacctSync.Rules and src/IntacctSync.Rules.Collector from the code, so that the public API
# analyzer (RS0016 "not declared", RS0017 "declared but gone") passes again after public members are
# added, renamed or removed, for instance after a merge. Review the result with `git diff`.
#
# PublicAPI.Shipped.txt is never touched: it records what a release shipped. Removing a shipped member
# is a breaking change that stays an error (RS0017 in PublicAPI.Shipped.txt) until it is recorded by
# hand as a `*REMOVED*` line in PublicAPI.Unshipped.txt; those lines are kept here.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

for name in IntacctSync.Rules IntacctSync.Rules.Collector; do
project=src/$name/$name.csproj
unshipped=src/$name/PublicAPI.Unshipped.txt

# Start over from the header and the recorded removals, then let the analyzer's own code fix
# declare every public member that PublicAPI.Shipped.txt does not already hold.
removed=$(grep -E '^\*REMOVED\*' "$unshipped" 2>/dev/null || true)
{
  echo '#nullable enable'
  if [ -n "$removed" ]; then printf '%s\n' "$removed"; fi
} >"$unshipped"

dotnet format analyzers "$project" --diagnostics RS0016 RS0017 RS0037 --severity warn

# The fix cannot settle everything (a shipped member removed, an API in a file that does not
# compile); say so here rather than at the next build.
log=$(mktemp)
if ! dotnet build "$project" --no-restore -warnaserror >"$log" 2>&1; then
  grep -E 'error (RS00[0-9][0-9]|CS[0-9]+)' "$log" | sort -u >&2 || true
  echo "update-public-api: $project still does not build; see the errors above" >&2
  exit 1
fi
added=$(git diff --numstat -- "$unshipped" | awk '{print $1 "+ " $2 "-"}')
echo "update-public-api: $unshipped is up to date (${added:-no change})"
rm -f "$log"
done
