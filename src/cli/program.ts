/**
 * `iac-review`: the engine on a local folder or git change. Exit 0 when nothing is at or
 * above `fail_on`, 1 when something is, 2 on a usage or internal error (message on stderr).
 */
import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../core/config.js';
import { ParserUnavailableError } from '../core/index.js';
import { TOOL_VERSION } from '../core/version.js';
import { baselineCommand, diffCommand, rulesCommand, scanCommand, UsageError, type CommandResult, type Format } from './commands.js';
import { printable } from '../render/text.js';
import { GitError } from './git-diff.js';
import { ReadError } from './safe-read.js';
import { FORMATS } from './output.js';
import type { Severity } from '../api/types.js';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

const formatOption = () => new Option('-f, --format <format>', 'output format (github: workflow commands for GitHub Actions)').choices(FORMATS).default('text');
const colour = () => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

function run(command: () => CommandResult): void {
  const result = command();
  process.stdout.write(result.output);
  for (const note of result.notes ?? []) process.stderr.write(`iac-review: ${printable(note)}\n`);
  process.exitCode = result.exitCode;
}

interface ReportFlags {
  format: Format;
  config?: string;
  quiet?: boolean;
  statistics?: boolean;
  failOn?: Severity;
  sarifOutput?: string;
}

/** Options `scan` and `diff` share: format, config, what fails, and how much text to print. */
function withReportOptions(command: Command, configHelp: string): Command {
  return command
    .addOption(formatOption())
    .option('-c, --config <file>', configHelp)
    .addOption(new Option('--fail-on <severity>', 'the lowest severity that fails (exit 1), instead of fail_on of the config').choices(SEVERITIES))
    .option('--sarif-output <file>', 'also write the SARIF report to this file, whatever --format is (for code scanning)')
    .option('-q, --quiet', 'text: list errors only, then the counts')
    .option('--statistics', 'text: count findings per rule instead of listing them');
}

export function buildProgram(): Command {
  const program = new Command('iac-review')
    .description('Review AI-generated Pulumi infrastructure code for known failure patterns.')
    .version(TOOL_VERSION)
    .exitOverride()
    .showHelpAfterError();
  withReportOptions(
    program
      .command('scan')
      .description('review every Python, TypeScript and Markdown file, with the project files beside them, under the given folders or files (default: .)')
      .argument('[paths...]', 'folders or files to scan'),
    'configuration file (default: .github/iac-review.yml under the scanned folder)',
  )
    .addOption(new Option('--fix', 'apply the fixes findings carry to the files, then review them again').conflicts('diff'))
    .option('--diff', 'print the fixes as a unified diff instead of the report; write nothing (exit 1 when there is one)')
    .option('--baseline <file>', 'report only findings not in this baseline file (written by `iac-review baseline`)')
    .action((paths: string[], options: ReportFlags & { fix?: boolean; diff?: boolean; baseline?: string }) =>
      run(() => scanCommand({ ...options, paths, colour: colour(), cwd: process.cwd() })),
    );
  withReportOptions(
    program
      .command('diff')
      .description('review what changed between two git refs, as the App reviews a pull request')
      .requiredOption('-b, --base <ref>', 'base ref (the pull request target)')
      .option('-H, --head <ref>', 'head ref', 'HEAD'),
    'configuration file (default: .github/iac-review.yml at the base ref)',
  )
    .option('--new-only', 'fail only on findings the merge base does not have (default: review.new_only of the config, else off)')
    .option('--no-new-only', 'fail on every finding in the changed files, even with review.new_only in the config')
    .action((options: ReportFlags & { base: string; head: string; newOnly?: boolean }) => run(() => diffCommand({ ...options, colour: colour(), cwd: process.cwd() })));
  program
    .command('baseline')
    .description('print the fingerprints of the current findings as JSON, for `scan --baseline` (iac-review baseline > .iac-review-baseline.json)')
    .argument('[paths...]', 'folders or files to scan (default: .)')
    .option('-c, --config <file>', 'configuration file (default: .github/iac-review.yml under the scanned folder)')
    .action((paths: string[], options: { config?: string }) => run(() => baselineCommand({ paths, config: options.config, cwd: process.cwd() })));
  program
    .command('rules')
    .description('list the rule catalog and which rules have a detector')
    .addOption(formatOption())
    .action((options: { format: Format }) => run(() => rulesCommand(options.format)));
  return program;
}

export function main(argv: string[]): void {
  try {
    buildProgram().parse(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    const known = error instanceof ConfigError || error instanceof UsageError || error instanceof GitError || error instanceof ParserUnavailableError || error instanceof ReadError;
    // An I/O error (EACCES, EISDIR, EMFILE...) is the file system's answer, not a bug: one line, no stack.
    const io = !known && typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string' && (error as NodeJS.ErrnoException).syscall !== undefined;
    // Messages name paths from the checkout: shown, not obeyed (a newline or an escape sequence in a name).
    const message = known ? (error as Error).message : io ? `cannot read: ${(error as Error).message}` : `internal error: ${(error as Error).stack ?? String(error)}`;
    process.stderr.write(`iac-review: ${known || io ? printable(message) : message}\n`);
    process.exitCode = 2;
  }
}
