/**
 * review.new_only in the App, the decisions: which changed files have a base version to compare
 * with, whether the base needs analysing at all, and what the review publishes once it was (or
 * could not be). Pure functions; the reads and the engine run are base-comparison.ts's.
 *
 * A finding whose fingerprint (rule, path, normalised code: core/fingerprint.ts) the base
 * commit's analysis of the same file has too is pre-existing: it does not fail the check, gets
 * no inline comment and is listed in the summary as pre-existing (a notice annotation).
 */
import type { FileStatus } from '../api/rule.js';
import type { Finding } from '../api/types.js';
import type { ResolvedConfig } from '../core/config.js';
import { fingerprint, markPreExisting } from '../core/fingerprint.js';
import type { TreeEntry } from '../github/contents.js';
import type { ChangedFile } from '../github/pulls.js';

/** A changed file with a version at the base: modified in place, or renamed from `basePath`. */
export interface ComparedFile {
  path: string;
  basePath: string;
  status: FileStatus;
}

/** The App compares unless the configuration says `review.new_only: false`. */
export function newOnlyEnabled(config: Pick<ResolvedConfig, 'newOnly'>): boolean {
  return config.newOnly !== false;
}

/**
 * The read files (not removed, not binary) that existed before the change: modified ones at
 * their path, renamed ones at their previous path. An added (or copied) file has no base
 * version: all its findings are new.
 */
export function comparedFiles(read: readonly ChangedFile[]): ComparedFile[] {
  return read.flatMap((file): ComparedFile[] => {
    if (file.status === 'modified' || file.status === 'changed') return [{ path: file.path, basePath: file.path, status: file.status }];
    if (file.status === 'renamed' && file.previousPath) return [{ path: file.path, basePath: file.previousPath, status: 'renamed' }];
    return [];
  });
}

/**
 * Whether the base has to be read and analysed: only when some finding could be pre-existing,
 * that is one outside the files the change adds (a clean change, or one whose findings are all in
 * new files, costs no request more).
 */
export function needsBaseAnalysis(findings: readonly Finding[], compared: readonly ComparedFile[], changed: readonly ChangedFile[]): boolean {
  if (!compared.length) return false;
  const added = new Set(changed.filter((file) => file.status === 'added' || file.status === 'copied').map((file) => file.path));
  return findings.some((finding) => !added.has(finding.path));
}

/** The base versions to read: each compared file found in the base listing, within the size limit, under its head path. */
export function baseVersions(compared: readonly ComparedFile[], baseFiles: ReadonlyMap<string, TreeEntry>, maxBytes: number): { file: ComparedFile; blob: TreeEntry }[] {
  return compared.flatMap((file) => {
    const blob = baseFiles.get(file.basePath);
    return blob && (blob.size ?? 0) <= maxBytes ? [{ file, blob }] : [];
  });
}

/** What became of the comparison with the base. */
export type BaseAnalysis =
  /** `review.new_only: false`. */
  | { kind: 'off' }
  /** Nothing to compare (no file with a base version, or no finding that could be pre-existing). */
  | { kind: 'not-needed' }
  | { kind: 'analysed'; findings: readonly Finding[]; files: number }
  /** Listing, reading or analysing the base failed: every finding counts as new. */
  | { kind: 'failed'; reason: string };

export interface Published {
  /** The head's findings, in the engine's order, pre-existing ones marked. */
  findings: Finding[];
  notes: string[];
}

/** The findings the review publishes, and what the summary says about the comparison. */
export function publishAgainstBase(findings: readonly Finding[], analysis: BaseAnalysis, baseSha: string): Published {
  const base = `\`${baseSha.slice(0, 7)}\``;
  switch (analysis.kind) {
    case 'off':
    case 'not-needed':
      return { findings: [...findings], notes: [] };
    case 'failed':
      return {
        findings: [...findings],
        notes: [
          `The findings could not be compared with the base commit ${base} (${analysis.reason}), so all ${findings.length} are treated as new, including any the base already had. \`/recheck\` tries again.`,
        ],
      };
    case 'analysed': {
      const marked = markPreExisting(findings, analysis.findings.map(fingerprint));
      const preExisting = marked.filter((finding) => finding.preExisting).length;
      return {
        findings: marked,
        notes: [
          `Compared with the base commit ${base} (\`review.new_only\`): ${analysis.files} changed file(s) analysed there; ${preExisting} finding(s) were already there, listed as pre-existing and not failing the check.`,
        ],
      };
    }
  }
}
