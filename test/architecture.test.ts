/**
 * The layout holds: no two folders import each other, directly or in a circle (lint names the
 * allowed direction per folder; this test catches a cycle however it is made), and no rule
 * reaches into engine internals.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function sources(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(join(root, folder))) {
    const path = join(folder, name);
    if (statSync(join(root, path)).isDirectory()) found.push(...sources(path));
    else if (name.endsWith('.ts')) found.push(path.split('\\').join('/'));
  }
  return found;
}

/** `checks`, or the folder under src/ (`core`, `python`...); src/index.ts is `src`. */
function folderOf(path: string): string {
  if (path.startsWith('checks/')) return 'checks';
  const parts = path.split('/');
  return parts.length > 2 ? (parts[1] as string) : 'src';
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of [...sources('src'), ...sources('checks')]) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const match of text.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
      const target = posix.normalize(posix.join(posix.dirname(file), match[1] as string));
      const from = folderOf(file);
      const to = folderOf(relative('.', target));
      if (from === to) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)?.add(to);
    }
  }
  return graph;
}

describe('architecture', () => {
  it('has no import cycle between folders', () => {
    const graph = folderGraph();
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (folder: string, path: string[]) => {
      if (state.get(folder) === 'done') return;
      if (state.get(folder) === 'open') {
        cycles.push([...path.slice(path.indexOf(folder)), folder].join(' -> '));
        return;
      }
      state.set(folder, 'open');
      for (const next of graph.get(folder) ?? []) visit(next, [...path, folder]);
      state.set(folder, 'done');
    };
    for (const folder of graph.keys()) visit(folder, []);
    expect(cycles).toEqual([]);
    // The graph is real: the engine does depend on the rules, and the rules on the model.
    expect(graph.get('core')?.has('checks')).toBe(true);
    expect(graph.get('checks')?.has('pulumi')).toBe(true);
  });

  it('keeps GitHub code out of the rules and the pure core', () => {
    for (const file of [...sources('checks'), ...sources('src').filter((path) => /^src\/(syntax|markdown|aws|pulumi|api|python|packaging|core)\//.test(path))]) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toMatch(/from '(probot|@octokit\/[^']+|octokit)'/);
    }
  });
});
