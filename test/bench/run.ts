/**
 * `npm run bench`: the engine benchmark over the generated corpus (test/bench/corpus.ts).
 *
 * - bare parse: node-tree-sitter's `parser.parse` over every Python unit of the corpus (.py
 *   files, and each ```python block of the .md files, extracted beforehand and not timed): the
 *   standard binding, nothing read from the trees;
 * - addon parse: `parsePython`, the engine's own parse (tree-sitter's C library through
 *   src/native/, which also copies each tree into one flat array);
 * - full analysis: `reviewWithCatalog` (mode 'change', every file added) over the same files;
 *   the ratio full/parse is the headline figure (target: at most 2);
 * - TypeScript: the same ratio on generated Pulumi TypeScript stacks and tests
 *   (corpus/typescript-files.ts), bare node-tree-sitter parse against the full review;
 * - per detector: `review()` with `rules: [rule]`, minus the engine's own work (`rules: []`);
 * - what the ratio target leaves for the detectors (ratio-budget.ts);
 * - peak RSS of this process after the full analysis;
 * - the CLI end to end: `node dist/src/cli/main.js scan <corpus folder>` (built first; cli-run.ts).
 *
 * Prints a table and writes JSON to test/bench/results/ (gitignored).
 * Options: --files N, --bytes N, --seed N, --repeat N (best of N for parse and full),
 * --no-detectors, --no-cli, --no-build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detectors } from '../../checks/registry.js';
import { catalogIds } from '../../src/core/catalog.js';
import { resolveConfig } from '../../src/core/config.js';
import { reviewWithCatalog, type InputFile, type ProjectSource } from '../../src/core/index.js';
import { extractPythonBlocks } from '../../src/markdown/code-blocks.js';
import { review } from '../../src/core/review.js';
import type { Rule } from '../../src/api/rule.js';
import { parsePython } from '../../src/python/parser.js';
import TreeSitter from 'tree-sitter';
import TreeSitterPython from 'tree-sitter-python';
import TreeSitterTypeScript from 'tree-sitter-typescript';
import { generateTypeScriptCorpus } from './corpus/typescript-files.js';
import { runCliOnCorpus, type CliResult } from './cli-run.js';
import { describeRatioBudget, measureRatioBudget, type RatioBudget } from './ratio-budget.js';
import { DEFAULT_CORPUS, generateCorpusWithStats, isReviewableCorpusPath, type CorpusFile } from './corpus.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Trees live in native memory V8 does not see, so garbage from one review can pile up before the
// next; collecting between phases keeps the phases independent (and the process RSS honest).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const seed = option('seed', DEFAULT_CORPUS.seed);
const fileCount = option('files', DEFAULT_CORPUS.files);
// Average file size stays that of the default corpus (10 kB) unless --bytes says otherwise.
const totalBytes = option('bytes', Math.round((DEFAULT_CORPUS.totalBytes / DEFAULT_CORPUS.files) * fileCount));
const repeat = Math.max(1, option('repeat', 1));

function ms(start: number): number {
  return performance.now() - start;
}

/**
 * Collects garbage and lets the event loop turn: node-tree-sitter frees a tree's native memory
 * in a finalizer that Node runs from the event loop, so back-to-back synchronous reviews would
 * otherwise keep every earlier review's trees in memory.
 */
async function settle(): Promise<void> {
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
}

async function best<T>(times: number, run: () => T): Promise<{ ms: number; result: T }> {
  let fastest = Infinity;
  let result: T | undefined;
  for (let round = 0; round < times; round++) {
    result = undefined;
    await settle();
    const start = performance.now();
    result = run();
    fastest = Math.min(fastest, ms(start));
  }
  return { ms: fastest, result: result as T };
}

function pad(text: string | number, width: number, right = false): string {
  const value = String(text);
  return right ? value.padStart(width) : value.padEnd(width);
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

const mb = (bytes: number) => bytes / 1_000_000;

/** Issue 6's target for full analysis / bare parse. */
const TARGET_RATIO = 2;

// ---------------------------------------------------------------- corpus

const generated = generateCorpusWithStats({ seed, files: fileCount, totalBytes, manifests: true });
const reviewable = generated.files.filter((file) => isReviewableCorpusPath(file.path));
const manifests = generated.files.filter((file) => !isReviewableCorpusPath(file.path));
const stats = generated.stats;
const inputs: InputFile[] = reviewable.map((file) => ({ path: file.path, content: file.content, status: 'added' }));
const manifestByPath = new Map(manifests.map((file) => [file.path, file.content]));
const project: ProjectSource = { paths: [...manifestByPath.keys()], readFile: (path) => manifestByPath.get(path) };
const config = resolveConfig({}, catalogIds);
const units: string[] = reviewable.flatMap((file: CorpusFile) =>
  file.path.endsWith('.md') ? extractPythonBlocks(file.content).map((block) => block.code) : [file.content],
);
const unitBytes = units.reduce((total, text) => total + Buffer.byteLength(text), 0);

console.log(`corpus: ${stats.files} files, ${round(mb(stats.bytes), 2)} MB, ${stats.lines} lines (seed ${seed}); ${units.length} Python units, ${round(mb(unitBytes), 2)} MB of Python`);
console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`);

// ---------------------------------------------------------------- parse vs full

const bareParser = new TreeSitter();
bareParser.setLanguage(TreeSitterPython as unknown as TreeSitter.Language);

/** The baseline: node-tree-sitter parsing every unit, reading nothing back. */
function parseAll(): number {
  let parsed = 0;
  for (const text of units) if (bareParser.parse(text, undefined, { bufferSize: text.length * 2 + 16 })) parsed++;
  return parsed;
}

function addonParseAll(): number {
  let nodes = 0;
  for (const text of units) nodes += parsePython(text).nodeCount;
  return nodes;
}

function fullAnalysis() {
  return reviewWithCatalog({ files: inputs, config, mode: 'change', project });
}

// Warm-up: JIT, the shared parser, the lazily loaded AWS schema tables (one-time costs a
// long-running App pays once): one full pass over the corpus.
parseAll();
await settle();
fullAnalysis();
await settle();
const parse = await best(repeat, parseAll);
const addonParse = await best(repeat, addonParseAll);
const full = await best(repeat, fullAnalysis);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const ratio = full.ms / parse.ms;
const findings = full.result.findings;
const findingsByRule: Record<string, number> = {};
for (const finding of findings) findingsByRule[finding.ruleId] = (findingsByRule[finding.ruleId] ?? 0) + 1;

const rate = (elapsed: number) => ({ ms: round(elapsed, 0), filesPerSecond: round(stats.files / (elapsed / 1000), 0), mbPerSecond: round(mb(stats.bytes) / (elapsed / 1000), 2) });
console.log('');
console.log(`${pad('phase', 26)}${pad('ms', 10, true)}${pad('files/s', 10, true)}${pad('MB/s', 9, true)}`);
for (const [label, elapsed] of [
  ['bare tree-sitter parse', parse.ms],
  ['addon parse (flat trees)', addonParse.ms],
  ['full analysis', full.ms],
] as const) {
  const figures = rate(elapsed);
  console.log(`${pad(label, 26)}${pad(figures.ms, 10, true)}${pad(figures.filesPerSecond, 10, true)}${pad(figures.mbPerSecond.toFixed(2), 9, true)}`);
}
console.log(`ratio full/parse: ${ratio.toFixed(2)} (target <= ${TARGET_RATIO})   findings: ${findings.length}   peak RSS: ${Math.round(peakRssMb)} MB`);

// ---------------------------------------------------------------- TypeScript

// The same measure on Pulumi TypeScript (a quarter as many files as the Python corpus, same size):
// node-tree-sitter with tree-sitter-typescript against the full review of the same files.
const typeScriptFiles = generateTypeScriptCorpus(seed, Math.max(4, Math.round(fileCount / 4)), Math.round(totalBytes / fileCount));
const typeScriptInputs: InputFile[] = typeScriptFiles.map((file) => ({ path: file.path, content: file.content, status: 'added' }));
const typeScriptBytes = typeScriptFiles.reduce((total, file) => total + Buffer.byteLength(file.content), 0);
const bareTypeScriptParser = new TreeSitter();
bareTypeScriptParser.setLanguage(TreeSitterTypeScript.typescript as unknown as TreeSitter.Language);
const parseTypeScriptAll = () => typeScriptFiles.filter((file) => bareTypeScriptParser.parse(file.content, undefined, { bufferSize: file.content.length * 2 + 16 })).length;
const typeScriptProject: ProjectSource = { paths: ['package.json'], readFile: (path) => (path === 'package.json' ? '{ "dependencies": { "@pulumi/aws": "^7.0.0", "@pulumi/pulumi": "^3.0.0" } }\n' : undefined) };
const fullTypeScript = () => reviewWithCatalog({ files: typeScriptInputs, config, mode: 'change', project: typeScriptProject });
parseTypeScriptAll();
fullTypeScript();
const typeScriptParse = await best(repeat, parseTypeScriptAll);
const typeScriptFull = await best(repeat, fullTypeScript);
const typeScriptRatio = typeScriptFull.ms / typeScriptParse.ms;
console.log(
  `TypeScript: ${typeScriptFiles.length} files, ${round(mb(typeScriptBytes), 2)} MB: bare parse ${Math.round(typeScriptParse.ms)} ms, full analysis ${Math.round(typeScriptFull.ms)} ms, ratio full/parse ${typeScriptRatio.toFixed(2)} (target <= ${TARGET_RATIO}), findings: ${typeScriptFull.result.findings.length}`,
);

// ---------------------------------------------------------------- per detector

interface DetectorTime {
  id: string;
  name: string;
  scope: string;
  /** Alone: `review()` with only this rule, minus the engine's own work (shared caches filled by this rule alone). */
  ms: number;
  /** Inside the full analysis: time spent in this rule's `check` (shared caches already warm from earlier rules). */
  inFullMs: number;
}
const detectorTimes: DetectorTime[] = [];
let engineBaseMs: number | undefined;
let ratioBudget: RatioBudget | undefined;
if (!flag('no-detectors')) {
  // Where the full analysis spends its time: each rule's own calls timed inside one full run.
  const inFull = new Map<string, number>();
  // Each rule's own calls (begin, program, project and visitors) are timed.
  const timedCall =
    (id: string, call: ((...args: never[]) => unknown) | undefined) =>
    (...args: never[]) => {
      const start = performance.now();
      try {
        return call?.(...args);
      } finally {
        inFull.set(id, (inFull.get(id) ?? 0) + performance.now() - start);
      }
    };
  type AnyCall = (...args: never[]) => unknown;
  const timed: Rule[] = detectors.map((rule) => {
    const id = rule.meta.id;
    const own = rule as unknown as Record<'begin' | 'program' | 'project', AnyCall | undefined>;
    const wrapped: Record<string, unknown> = { ...rule };
    for (const part of ['begin', 'program', 'project'] as const) {
      const call = own[part];
      if (call) wrapped[part] = timedCall(id, call.bind(rule));
    }
    // A model rule's visitors: making the table and every visit count for the rule.
    const visitors = (rule as { visitors?: Record<string, AnyCall> }).visitors;
    if (visitors) {
      wrapped.visitors = Object.fromEntries(
        Object.entries(visitors).map(([language, make]) => [
          language,
          (...args: never[]) => {
            const table = timedCall(id, make)(...args) as Record<string, AnyCall>;
            return Object.fromEntries(Object.entries(table).map(([type, visit]) => [type, timedCall(id, visit)]));
          },
        ]),
      );
    }
    return wrapped as unknown as Rule;
  });
  await settle();
  review({ files: inputs, config, mode: 'change', rules: timed, knownRuleIds: catalogIds, project });
  engineBaseMs = (await best(repeat, () => review({ files: inputs, config, mode: 'change', rules: [], knownRuleIds: catalogIds, project }))).ms;
  for (const rule of detectors) {
    const elapsed = (await best(repeat, () => review({ files: inputs, config, mode: 'change', rules: [rule], knownRuleIds: catalogIds, project }))).ms;
    detectorTimes.push({
      id: rule.meta.id,
      name: rule.meta.name,
      scope: rule.scope,
      ms: round(Math.max(0, elapsed - engineBaseMs), 0),
      inFullMs: round(inFull.get(rule.meta.id) ?? 0, 0),
    });
  }
  detectorTimes.sort((a, b) => b.inFullMs - a.inFullMs);
  console.log('');
  console.log(`engine without detectors (decode, parse, units, suppressions): ${Math.round(engineBaseMs)} ms`);
  console.log('alone: review() with only that rule, minus the engine without detectors; in full run: its check() inside the full analysis');
  console.log(`${pad('detector', 46)}${pad('scope', 9)}${pad('alone ms', 10, true)}${pad('in full', 9, true)}${pad('x parse', 9, true)}`);
  for (const time of detectorTimes) {
    console.log(`${pad(`${time.id} ${time.name}`, 46)}${pad(time.scope, 9)}${pad(time.ms, 10, true)}${pad(time.inFullMs, 9, true)}${pad((time.inFullMs / parse.ms).toFixed(2), 9, true)}`);
  }
  const sum = (pick: (time: DetectorTime) => number) => Math.round(detectorTimes.reduce((total, time) => total + pick(time), 0));
  console.log(`${pad('sum of detectors', 55)}${pad(sum((time) => time.ms), 10, true)}${pad(sum((time) => time.inFullMs), 9, true)}`);
  ratioBudget = await measureRatioBudget({
    units,
    parseMs: parse.ms,
    engineBaseMs,
    detectorsMs: sum((time) => time.inFullMs),
    target: TARGET_RATIO,
    fastest: async (run) => (await best(repeat, run)).ms,
  });
  console.log('');
  for (const line of describeRatioBudget(ratioBudget, detectorTimes.length)) console.log(line);
}

// ---------------------------------------------------------------- CLI end to end

let cli: CliResult | undefined;
if (!flag('no-cli')) {
  cli = runCliOnCorpus({ root, files: generated.files, folderName: `iac-review-bench-${seed}-${fileCount}`, build: !flag('no-build') });
  console.log(`\nCLI: iac-review scan on ${stats.files} files (${round(mb(stats.bytes), 2)} MB) + ${manifests.length} manifests: ${(cli.ms / 1000).toFixed(2)} s wall (process start included), exit ${cli.exitCode}, ${cli.filesAnalyzed ?? '?'} files analyzed, ${cli.findings ?? '?'} findings, peak RSS ${cli.peakRssMb ?? '?'} MB`);
}

// ---------------------------------------------------------------- JSON

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform },
  corpus: { seed, files: stats.files, bytes: stats.bytes, lines: stats.lines, pythonUnits: units.length, pythonBytes: unitBytes, planted: stats.planted },
  repeat,
  parse: rate(parse.ms),
  addonParse: rate(addonParse.ms),
  full: { ...rate(full.ms), findings: findings.length, findingsByRule },
  ratio: round(ratio, 2),
  target: TARGET_RATIO,
  typeScript: { files: typeScriptFiles.length, bytes: typeScriptBytes, parseMs: round(typeScriptParse.ms, 0), fullMs: round(typeScriptFull.ms, 0), ratio: round(typeScriptRatio, 2), findings: typeScriptFull.result.findings.length },
  peakRssMb: round(peakRssMb, 0),
  engineBaseMs: engineBaseMs === undefined ? undefined : round(engineBaseMs, 0),
  detectors: detectorTimes,
  ratioBudget,
  cli,
};
const folder = join(root, 'test/bench/results');
mkdirSync(folder, { recursive: true });
const file = join(folder, `engine-${results.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(folder, 'engine-latest.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote ${file.replace(`${root}/`, '')}`);

// ---------------------------------------------------------------- App end to end (test/bench/app.ts)

if (!flag('no-app')) await (await import('./app.js')).runAppBenchmark();
