/**
 * The CLI end to end for the engine benchmark: writes the corpus to a temporary folder and runs
 * `node dist/src/cli/main.js scan <folder> --format json` on it (building dist/ first unless
 * told not to), timing the whole process and reading its own peak RSS.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus, type CorpusFile } from './corpus.js';

export interface CliResult {
  ms: number;
  exitCode: number | null;
  findings: number | undefined;
  filesAnalyzed: number | undefined;
  peakRssMb: number | undefined;
}

// Reports the child's own peak RSS without an external `time` binary. VmHWM is the peak of this
// process image; ru_maxrss would include the parent's size at fork on Linux.
const PEAK_RSS_HOOK =
  "import { readFileSync } from 'node:fs';\n" +
  "process.on('exit', () => {\n" +
  '  let kb = process.resourceUsage().maxRSS;\n' +
  "  try { kb = Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? kb); } catch {}\n" +
  '  process.stderr.write(`\\nBENCH_MAX_RSS_KB=${kb}\\n`);\n' +
  '});\n';

export function runCliOnCorpus(options: { root: string; files: readonly CorpusFile[]; folderName: string; build: boolean }): CliResult {
  const { root } = options;
  if (options.build) {
    const start = performance.now();
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
    console.log(`\nbuilt dist/ in ${Math.round(performance.now() - start)} ms`);
  }
  const folder = join(tmpdir(), options.folderName);
  rmSync(folder, { recursive: true, force: true });
  writeCorpus(folder, options.files);
  const hook = join(tmpdir(), 'iac-review-bench-rss.mjs');
  writeFileSync(hook, PEAK_RSS_HOOK);
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--import', hook, join(root, 'dist/src/cli/main.js'), 'scan', folder, '--format', 'json'], {
    cwd: folder,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const elapsed = performance.now() - start;
  rmSync(folder, { recursive: true, force: true });
  let report: { findings?: unknown[]; summary?: { files?: number } } | undefined;
  try {
    report = JSON.parse(child.stdout) as typeof report;
  } catch {
    console.error(child.stderr);
  }
  const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(child.stderr ?? '')?.[1];
  return {
    ms: Math.round(elapsed),
    exitCode: child.status,
    findings: report?.findings?.length,
    filesAnalyzed: report?.summary?.files,
    peakRssMb: rss ? Math.round(Number(rss) / 1024) : undefined,
  };
}
