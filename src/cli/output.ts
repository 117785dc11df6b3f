/** Renders a review in the format asked for, and the exit status it gives. */
import { failsAt, type ResolvedConfig } from '../core/index.js';
import type { Finding } from '../api/types.js';
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
}

export function renderReview(findings: readonly Finding[], filesAnalyzed: number, config: ResolvedConfig, options: OutputOptions): CommandResult {
  const { format } = options;
  const output =
    format === 'json'
      ? renderJson(findings, filesAnalyzed, config.failOn)
      : format === 'sarif'
        ? renderSarif(findings, {
            ...(options.pathPrefix === undefined ? {} : { pathPrefix: options.pathPrefix }),
            ...(options.rootUri === undefined ? {} : { rootUri: options.rootUri }),
            ...(options.automationId === undefined ? {} : { automationId: options.automationId }),
          })
        : format === 'github'
          ? renderGithub(findings, filesAnalyzed, { pathPrefix: options.pathPrefix ?? '' })
          : renderText(findings, filesAnalyzed, { colour: options.colour, quiet: options.quiet ?? false, statistics: options.statistics ?? false });
  return { output, exitCode: failsAt(findings, config.failOn) ? 1 : 0 };
}
