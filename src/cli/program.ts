/**
 * `iac-review`: the engine on a local folder or git change. Exit 0 when nothing is at or
 * above `fail_on`, 1 when something is, 2 on a usage or internal error (message on stderr).
 */
import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../core/config.js';
import { ParserUnavailableError } from '../core/index.js';
import { TOOL_VERSION } from '../core/version.js';
import { diffCommand, rulesCommand, scanCommand, UsageError, type CommandResult, type Format } from './commands.js';
import { GitError } from './git-diff.js';

const formatOption = () => new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text');
const colour = () => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

function run(command: () => CommandResult): void {
  const result = command();
  process.stdout.write(result.output);
  process.exitCode = result.exitCode;
}

export function buildProgram(): Command {
  const program = new Command('iac-review')
    .description('Review AI-generated Pulumi infrastructure code for known failure patterns.')
    .version(TOOL_VERSION)
    .exitOverride()
    .showHelpAfterError();
  program
    .command('scan')
    .description('review every Python and Markdown file under the given folders or files (default: .)')
    .argument('[paths...]', 'folders or files to scan')
    .addOption(formatOption())
    .option('-c, --config <file>', 'configuration file (default: .github/iac-review.yml under the scanned folder)')
    .action((paths: string[], options: { format: Format; config?: string }) =>
      run(() => scanCommand({ paths, format: options.format, config: options.config, colour: colour(), cwd: process.cwd() })),
    );
  program
    .command('diff')
    .description('review what changed between two git refs, as the App reviews a pull request')
    .requiredOption('-b, --base <ref>', 'base ref (the pull request target)')
    .option('-H, --head <ref>', 'head ref', 'HEAD')
    .addOption(formatOption())
    .option('-c, --config <file>', 'configuration file (default: .github/iac-review.yml at the base ref)')
    .action((options: { base: string; head: string; format: Format; config?: string }) =>
      run(() => diffCommand({ ...options, colour: colour(), cwd: process.cwd() })),
    );
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
    const known = error instanceof ConfigError || error instanceof UsageError || error instanceof GitError || error instanceof ParserUnavailableError;
    process.stderr.write(`iac-review: ${known ? (error as Error).message : `internal error: ${(error as Error).stack ?? String(error)}`}\n`);
    process.exitCode = 2;
  }
}
