import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PUBLIC_DIR = join(import.meta.dirname, '..', '..', 'public');

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
