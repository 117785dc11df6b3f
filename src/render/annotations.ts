/**
 * Findings as check-run annotations: GitHub takes at most 50 per request, on real file paths,
 * with columns only for single-line spans (and `end_column` inclusive).
 */
import { catalogEntry } from '../core/catalog.js';
import type { Finding, Severity } from '../api/types.js';

export const ANNOTATIONS_PER_REQUEST = 50;
/** Upper bound per check run, to keep a pathological review from making hundreds of requests. */
export const MAX_ANNOTATIONS = 1000;

export type AnnotationLevel = 'failure' | 'warning' | 'notice';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: AnnotationLevel;
  title: string;
  message: string;
  raw_details?: string;
}

const LEVELS: Record<Severity, AnnotationLevel> = { error: 'failure', warning: 'warning', notice: 'notice' };
const TITLE_LIMIT = 255;
const MESSAGE_LIMIT = 64 * 1024 - 1;

export function annotationLevel(severity: Severity): AnnotationLevel {
  return LEVELS[severity];
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** True when a finding points at a file GitHub can annotate (not the project as a whole). */
export function isAnnotatable(finding: Finding): boolean {
  return finding.path !== '' && finding.path !== '.' && finding.line >= 1;
}

export function toAnnotation(finding: Finding): CheckAnnotation {
  const entry = catalogEntry(finding.ruleId);
  const annotation: CheckAnnotation = {
    path: finding.path,
    start_line: finding.line,
    end_line: Math.max(finding.line, finding.endLine),
    // A pre-existing finding does not fail the check: a notice, so the diff does not show it as the author's error.
    annotation_level: finding.preExisting ? 'notice' : annotationLevel(finding.severity),
    title: clip(`${finding.preExisting ? '(pre-existing) ' : ''}${finding.ruleId} ${entry?.title ?? ''}`.trim(), TITLE_LIMIT),
    message: clip(finding.message, MESSAGE_LIMIT),
  };
  if (annotation.start_line === annotation.end_line) {
    annotation.start_column = finding.column;
    annotation.end_column = Math.max(finding.column, finding.endColumn - 1);
  }
  if (entry?.fix) annotation.raw_details = clip(`Fix: ${entry.fix}`, MESSAGE_LIMIT);
  return annotation;
}

export interface AnnotationPlan {
  /** Batches of at most 50, one request each. */
  batches: CheckAnnotation[][];
  /** Findings left out because they have no file position. */
  withoutPosition: number;
  /** Findings left out by MAX_ANNOTATIONS. */
  overLimit: number;
}

export function planAnnotations(findings: readonly Finding[], perRequest = ANNOTATIONS_PER_REQUEST, max = MAX_ANNOTATIONS): AnnotationPlan {
  const annotatable = findings.filter(isAnnotatable);
  const kept = annotatable.slice(0, max).map(toAnnotation);
  const batches: CheckAnnotation[][] = [];
  for (let index = 0; index < kept.length; index += perRequest) batches.push(kept.slice(index, index + perRequest));
  return { batches, withoutPosition: findings.length - annotatable.length, overLimit: annotatable.length - kept.length };
}
