import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's `public/` folder, found by walking up from this file: the
 * source runs from `src/server/` and the bundle from `dist/`.
 */
function findPublicDir(): string {
  let dir = import.meta.dirname;
  for (;;) {
    const candidate = join(dir, 'public');
    if (existsSync(join(candidate, 'styles.css'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Could not find the public/ folder with styles.css');
    dir = parent;
  }
}

export const PUBLIC_DIR = findPublicDir();

/**
 * Fingerprints every file in public/ at start, so pages can link
 * `/assets/styles.css?v=<hash>` and browsers may cache it for a year.
 */
export function assetUrls(): (name: string) => string {
  const versions = new Map<string, string>();
  for (const name of readdirSync(PUBLIC_DIR)) {
    const hash = createHash('sha256').update(readFileSync(join(PUBLIC_DIR, name))).digest('hex').slice(0, 12);
    versions.set(name, hash);
  }
  return (name) => {
    const version = versions.get(name);
    if (!version) throw new Error(`Unknown asset ${name}`);
    return `/assets/${name}?v=${version}`;
  };
}
