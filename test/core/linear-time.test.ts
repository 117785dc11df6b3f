/**
 * Review time grows linearly with the input, whatever its shape: each pathological shape of
 * test/support/pathological-shapes.ts is reviewed at n and 2n bytes through the public entry
 * (`reviewWithCatalog`, every rule) and the time ratio must stay under 3 (linear is 2,
 * quadratic 4). Ratios, not absolute times: the machine's speed cancels out.
 *
 * n is found per shape by doubling from 4 kB until a review takes TARGET_MS of CPU time. Times
 * are this thread's CPU time after a garbage collection, the best of up to three pairs; a pair
 * over the limit is measured again at 2n/4n and then 4n/8n, where noise no longer follows the
 * input but a quadratic part still would. LINEAR_REPORT=1 prints every shape's figures.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { catalogIds } from '../../src/core/catalog.js';
import { resolveConfig } from '../../src/core/config.js';
import { reviewWithCatalog, type InputFile } from '../../src/core/index.js';
import { PATHOLOGICAL_SHAPES, type PathologicalShape } from '../support/pathological-shapes.js';

/** No size or parse limit: the detectors themselves must stay linear. */
const CONFIG = resolveConfig({ limits: { max_file_bytes: 64 * 1024 * 1024, parse_timeout_ms: 0 } }, catalogIds);
const TARGET_MS = Number(process.env.LINEAR_TARGET_MS ?? 20);
const START_BYTES = 4_096;
const MAX_BYTES = 1_048_576;
const MAX_RATIO = 3;

// Garbage left by earlier reviews is collected before each timed one: a collection of someone
// else's heap during a run is not the run's cost, and it made ratios jump by up to 5.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * CPU time of this thread (Linux: /proc/thread-self/schedstat, in ns), else of the process. The
 * process's time also counts the compiler's and the collector's helper threads, whose work
 * lands on whichever run happens to trigger it.
 */
function cpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
}

function review(shape: PathologicalShape, n: number, timed = true): { cpuMs: number; failures: string[] } {
  const files: InputFile[] = shape.files(n).map(({ path, content }) => ({ path, content, status: 'added' }));
  const texts = new Map(files.map((file) => [file.path, file.content as string]));
  if (timed) collectGarbage();
  const start = cpuMs();
  const result = reviewWithCatalog({ files, config: CONFIG, mode: 'change', project: { paths: [...texts.keys()], readFile: (path) => texts.get(path) } });
  const used = cpuMs() - start;
  // A rule that threw (a stack overflow, a regex too large) is a failure too, not a fast run.
  const failures = result.findings.filter((finding) => finding.ruleId === 'IAC002' && /could not check/.test(finding.message)).map((finding) => finding.message);
  return { cpuMs: used, failures };
}

interface Measurement {
  n: number;
  ratio: number;
  times: [number, number];
}

/** The best of up to three timed pairs of runs at n and 2n. */
function measurePair(shape: PathologicalShape, n: number, failures: Set<string>): Measurement {
  const times: [number, number] = [Infinity, Infinity];
  for (let attempt = 0; attempt < 3; attempt++) {
    for (const [position, size] of [n, 2 * n].entries()) {
      const run = review(shape, size);
      times[position] = Math.min(times[position] as number, run.cpuMs);
      for (const failure of run.failures) failures.add(failure);
    }
    if (times[1] / times[0] < MAX_RATIO) break;
  }
  return { n, ratio: times[1] / times[0], times };
}

function timeRatio(shape: PathologicalShape): Measurement & { failures: string[] } {
  let n = START_BYTES;
  review(shape, n, false); // warms the code paths this shape takes up
  const failures = new Set<string>();
  while (n < MAX_BYTES && review(shape, n, false).cpuMs < TARGET_MS) n *= 2;
  let measured = measurePair(shape, n, failures);
  // Times mostly noise (a slow run stopped the doubling early), or a pair over the limit: pairs
  // twice and four times as large decide. A collection or a cache that a size happens to cross
  // does not follow the input there; a quadratic part does, at every size.
  for (let retry = 0; retry < 2 && (measured.times[0] < TARGET_MS / 2 || measured.ratio >= MAX_RATIO) && measured.n < MAX_BYTES; retry++) {
    measured = measurePair(shape, 2 * measured.n, failures);
  }
  return { ...measured, failures: [...failures] };
}

describe('review time is linear in the input', () => {
  it.each(PATHOLOGICAL_SHAPES.map((shape) => [shape.name, shape] as const))('%s', (_name, shape) => {
    const { n, ratio, times, failures } = timeRatio(shape);
    if (process.env.LINEAR_REPORT) console.log(`${shape.name}: ${Math.round(times[0])} ms at ${n} bytes, ${Math.round(times[1])} ms at ${2 * n}, ratio ${ratio.toFixed(2)}`);
    expect(failures).toEqual([]);
    expect(ratio, `${Math.round(times[0])} ms at ${n} bytes, ${Math.round(times[1])} ms at ${2 * n}`).toBeLessThan(MAX_RATIO);
  }, 60_000);
});
