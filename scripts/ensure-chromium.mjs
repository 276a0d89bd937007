#!/usr/bin/env node
// Finds the system Chromium for the end-to-end tests and benchmarks; installs
// Debian's package when it can (root with apt-get), else says what to install.
// Playwright's own browser downloads are not used: they cannot be fetched here.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CANDIDATES = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);

export function findChromium() {
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

function canInstallWithApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && spawnSync('which', ['apt-get']).status === 0;
}

function main() {
  const found = findChromium();
  if (found) {
    console.log(`Chromium: ${found}`);
    return;
  }
  if (canInstallWithApt()) {
    console.log('Chromium not found: installing Debian’s chromium package (and CJK fonts for Chinese text)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env });
    const installed = findChromium();
    if (installed) {
      console.log(`Chromium: ${installed}`);
      return;
    }
  }
  console.error(
    [
      'No Chromium found for the end-to-end tests.',
      'Install it, then run the tests again:',
      '  Debian/Ubuntu:  sudo apt-get install chromium',
      '  or point CHROME_PATH at an existing Chrome/Chromium binary, e.g. CHROME_PATH=/usr/bin/google-chrome npm test',
    ].join('\n'),
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
