#!/usr/bin/env bash
# Prints a headless Chromium for the browser tests (tests/IntacctSync.Rules.Browser.Tests): the executable's path on
# the first line, then one launch flag per line. Playwright's own browser download is not used (it is not reachable
# from every build machine); the browser is the headless shell packed in the npm package @sparticuz/chromium,
# installed once into a cache folder and unpacked by the package itself. A second run only prints.
#
#   INTACCTSYNC_BROWSER_CACHE   where to install (default ${XDG_CACHE_HOME:-$HOME/.cache}/intacct-sync/chromium)
#
# Exits non-zero, with the reason on standard error, when the browser cannot be obtained: the tests then fail.
set -euo pipefail

version=153.0.0
cache=${INTACCTSYNC_BROWSER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/intacct-sync/chromium}
package=$cache/node_modules/@sparticuz/chromium

command -v node >/dev/null || { echo "browser.sh: node is not installed; the browser tests need Node.js and npm" >&2; exit 1; }

installed=$(node -p "try { require('$package/package.json').version } catch { '' }" 2>/dev/null || true)
if [ "$installed" != "$version" ]; then
  command -v npm >/dev/null || { echo "browser.sh: npm is not installed; the browser tests need it to install @sparticuz/chromium" >&2; exit 1; }
  mkdir -p "$cache"
  # Two callers at once (two test processes) install under a lock, one after the other.
  (
    flock 9
    installed=$(node -p "try { require('$package/package.json').version } catch { '' }" 2>/dev/null || true)
    if [ "$installed" != "$version" ]; then
      echo "browser.sh: installing @sparticuz/chromium@$version into $cache" >&2
      [ -f "$cache/package.json" ] || echo '{"private":true}' > "$cache/package.json"
      npm install --prefix "$cache" --no-audit --no-fund --loglevel=error "@sparticuz/chromium@$version" >&2 \
        || { echo "browser.sh: npm install @sparticuz/chromium@$version failed (see above)" >&2; exit 1; }
    fi
  ) 9>"$cache/.lock"
fi

# executablePath() unpacks the shell into the temp folder (once; it reuses what is there) and returns its path.
cd "$cache"
node --input-type=module -e "
const chromium = (await import('@sparticuz/chromium')).default;
const path = await chromium.executablePath();
process.stdout.write([path, ...chromium.args].join('\n') + '\n');
"
