/**
 * The language a task asks for, for a file of the project: what `metadata.json` says
 * (`"language": "py"`), else the `runtime` of `Pulumi.yaml`, else the language most of the
 * project's code is written in. The nearest of these files at or above the file's folder counts,
 * so several tasks under one scan root are judged each on its own.
 */
import { parse as parseYaml } from 'yaml';
import type { ProjectView } from '../api/rule.js';
import { foldersAbove } from './folders-above.js';

/** Pulumi's language runtimes (TypeScript and JavaScript share `nodejs`). */
export type ProgramLanguage = 'python' | 'nodejs' | 'go' | 'java' | 'dotnet' | 'yaml';

export interface TaskLanguage {
  language: ProgramLanguage;
  /** Where it was read, for messages: `metadata.json (language "py")`. */
  source: string;
}

const LANGUAGE_NAMES: Record<string, ProgramLanguage> = {
  py: 'python', python: 'python', python3: 'python',
  ts: 'nodejs', typescript: 'nodejs', js: 'nodejs', javascript: 'nodejs', nodejs: 'nodejs', node: 'nodejs',
  go: 'go', golang: 'go',
  java: 'java',
  cs: 'dotnet', csharp: 'dotnet', 'c#': 'dotnet', dotnet: 'dotnet', fsharp: 'dotnet',
  yaml: 'yaml',
};

const CODE_EXTENSIONS: Record<string, ProgramLanguage> = { py: 'python', ts: 'nodejs', js: 'nodejs', go: 'go', java: 'java', cs: 'dotnet' };

export function programLanguageNamed(name: string | undefined): ProgramLanguage | undefined {
  return name === undefined ? undefined : LANGUAGE_NAMES[name.trim().toLowerCase()];
}

function inFolder(folder: string, name: string): string {
  return folder ? `${folder}/${name}` : name;
}

function fromMetadata(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const language = (JSON.parse(text) as { language?: unknown }).language;
    return typeof language === 'string' ? language : undefined;
  } catch {
    return undefined;
  }
}

function fromPulumiYaml(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const runtime = (parseYaml(text) as { runtime?: unknown } | null)?.runtime;
    if (typeof runtime === 'string') return runtime;
    const name = (runtime as { name?: unknown } | undefined)?.name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The task language for the file at `path`, or undefined when nothing says. */
export function taskLanguageFor(path: string, project: ProjectView): TaskLanguage | undefined {
  const known = new Set(project.paths);
  for (const folder of foldersAbove(path)) {
    const metadata = inFolder(folder, 'metadata.json');
    const declared = known.has(metadata) ? fromMetadata(project.readFile(metadata)) : undefined;
    const fromDeclared = programLanguageNamed(declared);
    if (fromDeclared) return { language: fromDeclared, source: `${metadata} (language "${declared}")` };
    for (const name of ['Pulumi.yaml', 'Pulumi.yml']) {
      const file = inFolder(folder, name);
      const runtime = known.has(file) ? fromPulumiYaml(project.readFile(file)) : undefined;
      const fromRuntime = programLanguageNamed(runtime);
      if (fromRuntime) return { language: fromRuntime, source: `${file} (runtime ${runtime})` };
    }
  }
  return majorityOfCode(project.paths);
}

function majorityOfCode(paths: readonly string[]): TaskLanguage | undefined {
  const counts = new Map<ProgramLanguage, number>();
  for (const path of paths) {
    if (/(^|\/)(node_modules|dist|\.venv|venv)\//.test(path) || /\.d\.ts$/.test(path)) continue;
    const language = CODE_EXTENSIONS[path.split('.').pop() ?? ''];
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || (second && second[1] === first[1])) return undefined;
  return { language: first[0], source: `most of the project's code files` };
}
