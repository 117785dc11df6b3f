/**
 * What crosses the thread boundary between the App and its engine workers (engine-pool.ts,
 * engine-worker.ts). Inputs cross cheaply: the bytes of deflated texts and raw blobs are
 * transferred (moved, not copied) when the App owns their whole buffer; only small things
 * (project texts, the configuration) are copied. Nothing here is code: files are data the
 * worker's engine parses.
 */
import type { LineReplacement } from '../core/apply-fixes.js';
import type { ResolvedConfig } from '../core/config.js';
import type { MessagePort } from 'node:worker_threads';
import type { BaseRequirements, HeadConfig, InputFile, ProjectSource, ReviewResult, ReviewStep } from '../core/index.js';
import type { FileStatus, ReviewSettings } from '../api/rule.js';
import { DeflatedText } from '../syntax/stored-text.js';

export type WireContent = { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Uint8Array } | { kind: 'deflated'; bytes: Uint8Array; byteLength: number };

export interface WireFile {
  path: string;
  status?: FileStatus;
  size?: number;
  readError?: string;
  content: WireContent;
}

/** Project files beyond the reviewed ones, as a snapshot: every path, and the texts that were read. */
export interface ProjectSnapshot {
  paths: readonly string[];
  texts: ReadonlyMap<string, string>;
}

/** The base commit's requirements (see core/requirements.ts), with its files as a snapshot. */
export interface BaseSnapshot {
  project: ProjectSnapshot;
  removed?: readonly string[];
  headConfig?: HeadConfig;
}

/** One review as the App asks for it: the engine's public options, with project files as snapshots. */
export interface EngineInput {
  files: readonly InputFile[];
  config: ResolvedConfig;
  mode: ReviewSettings['mode'];
  project?: ProjectSnapshot;
  base?: BaseSnapshot;
  treeCacheBytes?: number;
}

export interface EngineTask {
  files: WireFile[];
  config: ResolvedConfig;
  mode: ReviewSettings['mode'];
  project?: ProjectSnapshot;
  base?: BaseSnapshot;
  treeCacheBytes?: number;
  /** The worker says on it that it started, and which step it is on. */
  progress: MessagePort;
}

export type EngineMessage = { kind: 'started' } | { kind: 'step'; step: ReviewStep };

/** The engine's result as the App gets it back. */
export interface EngineResult extends ReviewResult {
  /**
   * Per finding (same index): the whole lines its fix rewrites and their new text, for suggested
   * changes in review comments; worked out in the worker, which alone still holds the bytes.
   */
  lineFixes?: readonly (LineReplacement | undefined)[];
}

/** The worker's answer; an error crosses as name and message (structured clone keeps no classes). */
export type EngineReply = { ok: true; result: EngineResult } | { ok: false; error: { name: string; message: string } };

/** Bytes that may be moved to the worker: a whole, unshared ArrayBuffer (not a view into a pool). */
function movable(bytes: Uint8Array): boolean {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}

/**
 * The files as the worker receives them, and the buffers to transfer. After the transfer the
 * App's own copies of those bytes are detached: it hands them over for good.
 */
export function toWire(files: readonly InputFile[]): { files: WireFile[]; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const own = (bytes: Uint8Array): Uint8Array => {
    const owned = movable(bytes) && !transfer.includes(bytes.buffer as ArrayBuffer) ? bytes : bytes.slice();
    transfer.push(owned.buffer as ArrayBuffer);
    return owned;
  };
  const wire = files.map((file): WireFile => {
    const content: WireContent =
      typeof file.content === 'string'
        ? { kind: 'text', text: file.content }
        : file.content instanceof DeflatedText
          ? { kind: 'deflated', bytes: own(file.content.deflated), byteLength: file.content.byteLength }
          : { kind: 'bytes', bytes: own(file.content) };
    return {
      path: file.path,
      content,
      ...(file.status === undefined ? {} : { status: file.status }),
      ...(file.size === undefined ? {} : { size: file.size }),
      ...(file.readError === undefined ? {} : { readError: file.readError }),
    };
  });
  return { files: wire, transfer };
}

/** A snapshot as the engine reads project files. */
export function snapshotSource(snapshot: ProjectSnapshot): ProjectSource {
  return { paths: snapshot.paths, readFile: (path) => snapshot.texts.get(path) };
}

export function baseFromSnapshot(base: BaseSnapshot): BaseRequirements {
  return { ...base, project: snapshotSource(base.project) };
}

export function fromWire(files: readonly WireFile[]): InputFile[] {
  return files.map(({ content, ...rest }) => ({
    ...rest,
    content: content.kind === 'text' ? content.text : content.kind === 'bytes' ? content.bytes : DeflatedText.fromParts(content.bytes, content.byteLength),
  }));
}

/** Where a stopped review was, for its check run: "while analysing `lib/a.py` (file 3 of 40)". */
export function describeStep(step: ReviewStep | undefined): string {
  if (!step) return 'before it reached the first file';
  if (step.phase === 'judging') return `while rule ${step.ruleId} judged the project as a whole`;
  return `while ${step.phase} \`${step.path}\` (file ${step.index + 1} of ${step.total})`;
}
