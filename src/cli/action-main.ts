#!/usr/bin/env node
/**
 * The GitHub Action's entry (action.yml runs it with node after building the CLI): plans the
 * `iac-review diff` run from the workflow's environment (action.ts), runs the CLI in the
 * checkout, and writes the step's outputs. Its exit status is the CLI's.
 */
import { existsSync } from 'node:fs';
import { ActionError, errorCommand, planAction, writeOutputs } from './action.js';
import { main } from './program.js';

function runAction(): number {
  let plan;
  try {
    plan = planAction(process.env);
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    process.stdout.write(errorCommand(error.message));
    writeOutputs(process.env, { 'exit-code': '2' });
    return 2;
  }
  process.stderr.write(`iac-review ${plan.args.join(' ')}\n`);
  process.chdir(plan.root);
  main(['node', 'iac-review', ...plan.args]);
  const exitCode = Number(process.exitCode ?? 0);
  if (exitCode === 2) process.stdout.write(errorCommand('the review could not run: the log above says why'));
  const sarifFile = plan.sarifFile && existsSync(plan.sarifFile) ? plan.sarifFile : '';
  writeOutputs(process.env, { 'exit-code': String(exitCode), 'sarif-file': sarifFile, base: plan.base, head: plan.head });
  return exitCode;
}

process.exitCode = runAction();
