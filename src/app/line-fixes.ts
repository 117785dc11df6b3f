/**
 * The whole lines each finding's fix rewrites, worked out in the engine worker: only it still
 * holds the file bytes (the App hands them over for good, engine-wire.ts). Files are decoded
 * again as the engine decoded them, and only those with a fixed finding.
 */
import type { Finding } from '../api/types.js';
import { fixedLines, type LineReplacement } from '../core/apply-fixes.js';
import { decodeText } from '../core/decode.js';
import type { InputFile } from '../core/index.js';

/** Per finding (same index): the lines its fix rewrites, undefined without a fix or when it does not fit. */
export function lineFixesOf(findings: readonly Finding[], files: readonly InputFile[]): (LineReplacement | undefined)[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const texts = new Map<string, string | undefined>();
  const textOf = (path: string): string | undefined => {
    if (!texts.has(path)) {
      const file = byPath.get(path);
      const decoded = file && !file.readError ? decodeText(file.content) : undefined;
      texts.set(path, decoded?.ok ? decoded.text : undefined);
    }
    return texts.get(path);
  };
  return findings.map((finding) => {
    if (!finding.fix) return undefined;
    const text = textOf(finding.path);
    return text === undefined ? undefined : fixedLines(text, finding.fix);
  });
}
