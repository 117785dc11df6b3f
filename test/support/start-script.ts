/**
 * The `start` script of package.json, read as a command: what `npm start` (and so the Docker
 * image) runs. The App benchmark takes its V8 flags from here, and a test checks that a
 * SIGTERM sent through it reaches the server.
 */
import { readFileSync } from 'node:fs';

export interface StartCommand {
  /** The script as written. */
  script: string;
  /** It starts with `exec`, so the shell npm runs it in is replaced by node. */
  execs: boolean;
  /** The `--` flags given to node before the program. */
  nodeFlags: string[];
  /** The program and its arguments after the flags. */
  program: string[];
}

export function readStartCommand(packageJsonPath: string): StartCommand | undefined {
  const manifest = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { scripts?: Record<string, string> };
  const script = manifest.scripts?.start;
  if (!script) return undefined;
  const words = script.trim().split(/\s+/);
  const execs = words[0] === 'exec';
  if (execs) words.shift();
  if (words.shift() !== 'node') return undefined;
  const flagCount = words.findIndex((word) => !word.startsWith('--'));
  const nodeFlags = flagCount < 0 ? words : words.slice(0, flagCount);
  return { script, execs, nodeFlags, program: words.slice(nodeFlags.length) };
}
