#!/usr/bin/env node
// The `smartspaces` command runs the bundle that `npm run build` (and
// `npm start`) makes, the same code the server runs in production (decision
// record 017). `npm run smartspaces -- <command>` builds it first.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/smartspaces.mjs', import.meta.url);
if (!existsSync(bundle)) {
  console.error('Smart Spaces is not built yet: run `npm run build` first.');
  process.exit(1);
}
await import(bundle.href);
