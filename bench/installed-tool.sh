#!/usr/bin/env bash
# Times a single `intacct-sync diagnose` of the tool as installed from the packed folder (artifacts/packages, written
# by build/pack-and-run-sample.sh), against `dotnet hello-world.dll` (bench/HelloWorld, Release), in the same run:
# RUNS runs of each (20), interleaved, wall time from `date +%s%N`; prints the mean and median of each and the ratio.
# Also times the same diagnose with --rules samples/AotConsumer/rules (a custom rule, parsed and interpreted).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-20}
feed=$PWD/artifacts/packages
evidence=tests/IntacctSync.Rules.Tests/Cases/INT402/contract-udd-inactive.json
shopt -s nullglob
packages=("$feed"/IntacctSync.Rules.Cli.linux-x64.*.nupkg)
shopt -u nullglob
[ "${#packages[@]}" -eq 1 ] || { echo "installed-tool: expected one IntacctSync.Rules.Cli.linux-x64 package in $feed; run build/pack-and-run-sample.sh" >&2; exit 1; }
version=${packages[0]#"$feed"/IntacctSync.Rules.Cli.linux-x64.}
version=${version%.nupkg}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '<configuration><packageSources><clear /><add key="local" value="%s" /></packageSources></configuration>\n' "$feed" >"$work/nuget.config"
(cd "$work" && NUGET_PACKAGES=$work/packages dotnet tool install IntacctSync.Rules.Cli --version "$version" --tool-path "$work/tools" --configfile "$work/nuget.config" >/dev/null)
dotnet build -c Release bench/HelloWorld >/dev/null
hello=(dotnet bench/HelloWorld/bin/Release/net10.0/hello-world.dll)
tool=("$work/tools/intacct-sync" diagnose "$evidence" --format json)
custom=("$work/tools/intacct-sync" diagnose "$evidence" --rules samples/AotConsumer/rules --format json)
"${hello[@]}" >/dev/null; "${tool[@]}" >/dev/null; "${custom[@]}" >/dev/null   # warm the file cache

time_ms() { local start end; start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N); echo $(((end - start) / 1000)); }
: >"$work/hello"; : >"$work/tool"; : >"$work/custom"
for _ in $(seq "$runs"); do
  time_ms "${hello[@]}" >>"$work/hello"
  time_ms "${tool[@]}" >>"$work/tool"
  time_ms "${custom[@]}" >>"$work/custom"
done
stats() { sort -n "$1" | awk '{ v[NR] = $1; s += $1 } END { printf "mean %.1f ms, median %.1f ms", s / NR / 1000, (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) / 1000 }'; }
mean() { awk '{ s += $1 } END { print s / NR }' "$1"; }
echo "IntacctSync.Rules.Cli $version installed (Native AOT, linux-x64), $runs runs each, interleaved:"
echo "  dotnet hello-world.dll:                 $(stats "$work/hello")"
echo "  intacct-sync diagnose:                  $(stats "$work/tool")"
echo "  intacct-sync diagnose --rules (custom): $(stats "$work/custom")"
awk -v t="$(mean "$work/tool")" -v c="$(mean "$work/custom")" -v h="$(mean "$work/hello")" \
  'BEGIN { printf "  ratio to hello world (means): diagnose %.2fx, with --rules %.2fx\n", t / h, c / h }'
