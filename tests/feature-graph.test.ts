import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/*
 * The features under src/features import each other as a tree: a feature
 * reaches another only when the other knows nothing of it. A cycle makes
 * every feature in it a dependency of every other, so none can change alone.
 */

/**
 * A feature's route table (`route-table.ts`) is its address book: links to the
 * feature are built from it anywhere, and it imports no other feature (checked
 * below), so linking to a feature never ties the two together.
 */
const ROUTE_TABLE = /[\\/]route-table\.ts$/;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FEATURES = join(ROOT, 'src', 'features');

/** Every .ts and .tsx file under `dir`, sorted. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The feature a file belongs to, or undefined when it is outside src/features. */
function featureOf(file: string): string | undefined {
  const path = relative(FEATURES, file);
  if (path.startsWith('..') || !path.includes(sep)) return undefined;
  return path.split(sep)[0];
}

/** The project's compiler options, so imports resolve as the type checker resolves them (paths included). */
function compilerOptions(): ts.CompilerOptions {
  const configPath = join(ROOT, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath)).options;
}

/** Which features each feature imports (static, type-only, re-exports and dynamic imports alike). */
function featureGraph(): Map<string, Set<string>> {
  const options = compilerOptions();
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(FEATURES)) {
    const from = featureOf(file);
    if (!from) continue;
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule?.resolvedFileName;
      const to = resolved && featureOf(resolved);
      if (to && to !== from && !ROUTE_TABLE.test(resolved)) targets.add(to);
    }
  }
  return graph;
}

/** One cycle of the graph as the path around it (first feature repeated at the end), or undefined for a tree. */
function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (feature: string): string[] | undefined => {
    const onPath = path.indexOf(feature);
    if (onPath >= 0) return [...path.slice(onPath), feature];
    if (done.has(feature)) return undefined;
    path.push(feature);
    for (const next of [...(graph.get(feature) ?? [])].sort()) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(feature);
    return undefined;
  };
  for (const feature of [...graph.keys()].sort()) {
    const cycle = visit(feature);
    if (cycle) return cycle;
  }
  return undefined;
}

/** The graph as lines of "feature -> dependencies", both sorted by name. */
function describeGraph(graph: ReadonlyMap<string, ReadonlySet<string>>): string {
  return [...graph.keys()]
    .sort()
    .map((feature) => `${feature} -> ${[...(graph.get(feature) ?? [])].sort().join(', ') || '(none)'}`)
    .join('\n');
}

const graph = featureGraph();

it('has no import cycle between the features', (t) => {
  const described = describeGraph(graph);
  t.diagnostic('feature graph (feature -> the features it imports):');
  for (const line of described.split('\n')) t.diagnostic(line);
  const cycle = findCycle(graph);
  assert.equal(cycle, undefined, `features import each other in a cycle: ${cycle?.join(' -> ')}\n\nfeature graph:\n${described}`);
});

it('finds every feature folder', () => {
  // A feature the walk missed would hide its imports from the check above.
  const folders = readdirSync(FEATURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  assert.deepEqual([...graph.keys()].sort(), folders);
});

it('keeps route tables free of other features', () => {
  const options = compilerOptions();
  for (const file of sourceFiles(FEATURES).filter((f) => ROUTE_TABLE.test(f))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule?.resolvedFileName;
      const to = resolved && featureOf(resolved);
      assert.ok(!to || to === featureOf(file), `${relative(ROOT, file)} imports the feature ${to}`);
    }
  }
});
