/**
 * Review time grows linearly with the input, whatever its shape: each pathological shape of
 * test/support/pathological-shapes.ts is reviewed at n and 2n bytes through the public entry
 * (`reviewWithCatalog`, every detector) and the time ratio must stay under 3 (linear is 2,
 * quadratic 4). Ratios, not absolute times: the machine's speed cancels out.
 *
 * n is found per shape by doubling from 32 kB until a review takes TARGET_MS of CPU time, so a
 * shape that turns quadratic is caught at a size where its quadratic part dominates. Times are
 * the process's CPU time (user + system; other work on the machine barely moves it), the best
 * of up to four runs of each size.
 */
import { describe, expect, it } from 'vitest';
import { catalogIds } from '../../src/core/catalog.js';
import { resolveConfig } from '../../src/core/config.js';
import { reviewWithCatalog, type InputFile } from '../../src/core/index.js';
import { PATHOLOGICAL_SHAPES, type PathologicalShape } from '../support/pathological-shapes.js';

/** No size or parse limit: the detectors themselves must stay linear. */
const CONFIG = resolveConfig({ limits: { max_file_bytes: 64 * 1024 * 1024, parse_timeout_ms: 0 } }, catalogIds);
const TARGET_MS = Number(process.env.LINEAR_TARGET_MS ?? 25);
const START_BYTES = 32_768;
const MAX_BYTES = 1_048_576;
const MAX_RATIO = 3;

function review(shape: PathologicalShape, n: number): { cpuMs: number; failures: string[] } {
  const files: InputFile[] = shape.files(n).map(({ path, content }) => ({ path, content, status: 'added' }));
  const texts = new Map(files.map((file) => [file.path, file.content as string]));
  const start = process.cpuUsage();
  const result = reviewWithCatalog({ files, config: CONFIG, mode: 'change', project: { paths: [...texts.keys()], readFile: (path) => texts.get(path) } });
  const used = process.cpuUsage(start);
  // A detector that threw (a stack overflow, a regex too large) is a failure too, not a fast run.
  const failures = result.findings.filter((finding) => finding.ruleId === 'IAC002' && /failed/.test(finding.message)).map((finding) => finding.message);
  return { cpuMs: (used.user + used.system) / 1000, failures };
}

function timeRatio(shape: PathologicalShape): { n: number; ratio: number; times: [number, number]; failures: string[] } {
  let n = START_BYTES;
  review(shape, n); // warms the code paths this shape takes up (the compiler's work is CPU time too)
  while (n < MAX_BYTES && Math.min(review(shape, n).cpuMs, review(shape, n).cpuMs) < TARGET_MS) n *= 2;
  const best: [number, number] = [Infinity, Infinity];
  const failures = new Set<string>();
  for (let attempt = 0; attempt < 4; attempt++) {
    for (const [position, size] of [n, 2 * n].entries()) {
      const run = review(shape, size);
      best[position] = Math.min(best[position] as number, run.cpuMs);
      for (const failure of run.failures) failures.add(failure);
    }
    if (attempt >= 1 && best[1] / best[0] < MAX_RATIO) break;
  }
  return { n, ratio: best[1] / best[0], times: best, failures: [...failures] };
}

describe('review time is linear in the input', () => {
  it.each(PATHOLOGICAL_SHAPES.map((shape) => [shape.name, shape] as const))('%s', (_name, shape) => {
    const { n, ratio, times, failures } = timeRatio(shape);
    expect(failures).toEqual([]);
    expect(ratio, `${Math.round(times[0])} ms at ${n} bytes, ${Math.round(times[1])} ms at ${2 * n}`).toBeLessThan(MAX_RATIO);
  }, 60_000);
});
