/**
 * `mw-readiness --version`: the version in the project's package.json, found by
 * walking up from this file, which sits at src/cli when run from source and at
 * dist/src/cli when built, so one lookup serves both.
 */
import * as fs from 'fs';
import * as path from 'path';

export const PACKAGE_NAME = 'mw-readiness';

export function packageVersion(from: string = __dirname): string | undefined {
  let dir = from;
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
        if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') return pkg.version;
      } catch {
        // Not ours or unreadable: keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** "mw-readiness 1.0.0", or "mw-readiness (version unknown)" when no package.json is found. */
export function versionLine(version: string | undefined = packageVersion()): string {
  return `${PACKAGE_NAME} ${version ?? '(version unknown)'}\n`;
}
