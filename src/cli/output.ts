/** Renders a review in the format asked for, and the exit status it gives. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { failsAt, type ResolvedConfig } from '../core/index.js';
import type { Finding, Severity } from '../api/types.js';
import { renderGithub } from '../render/github.js';
import { renderJson } from '../render/json.js';
import { renderSarif } from '../render/sarif.js';
import { renderText } from '../render/text.js';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface CommandResult {
  output: string;
  exitCode: 0 | 1 | 2;
  /** Said on stderr: what was left out or done besides the report (baseline, fixes). */
  notes?: string[];
}

export interface OutputOptions {
  format: Format;
  colour: boolean;
  quiet?: boolean | undefined;
  statistics?: boolean | undefined;
  /** The reviewed root relative to the repository root (`infra/`), for SARIF and workflow commands. */
  pathPrefix?: string;
  rootUri?: string;
  /** SARIF `runAutomationDetails.id`. */
  automationId?: string;
  /** The lowest severity that fails (`--fail-on`), instead of the config's `fail_on`. */
  failOn?: Severity | undefined;
  /** Also write the SARIF report to this file (`--sarif-output`), whatever the format. */
  sarifOutput?: string | undefined;
  /** What `sarifOutput` is relative to. */
  cwd?: string;
}

function sarifOf(findings: readonly Finding[], options: OutputOptions): string {
  return renderSarif(findings, {
    ...(options.pathPrefix === undefined ? {} : { pathPrefix: options.pathPrefix }),
    ...(options.rootUri === undefined ? {} : { rootUri: options.rootUri }),
    ...(options.automationId === undefined ? {} : { automationId: options.automationId }),
  });
}

/** The report on stdout in `format`, the SARIF file when asked for, and the exit status. */
export function renderReview(findings: readonly Finding[], filesAnalyzed: number, config: ResolvedConfig, options: OutputOptions): CommandResult {
  const { format } = options;
  const failOn = options.failOn ?? config.failOn;
  if (options.sarifOutput) {
    const path = resolve(options.cwd ?? '.', options.sarifOutput);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, sarifOf(findings, options));
  }
  const output =
    format === 'json'
      ? renderJson(findings, filesAnalyzed, failOn)
      : format === 'sarif'
        ? sarifOf(findings, options)
        : format === 'github'
          ? renderGithub(findings, filesAnalyzed, { pathPrefix: options.pathPrefix ?? '' })
          : renderText(findings, filesAnalyzed, { colour: options.colour, quiet: options.quiet ?? false, statistics: options.statistics ?? false });
  return { output, exitCode: failsAt(findings, failOn) ? 1 : 0 };
}
