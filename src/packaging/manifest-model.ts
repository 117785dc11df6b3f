/**
 * The model every Python dependency manifest is read into (python-manifests.ts): the manifest,
 * its requirements with the line each sits on, and the entries that could not be read. Shared
 * by the per-format readers, so it sits apart from all of them.
 */
import { normalizeName, type Specifier } from './pep440.js';

export interface Requirement {
  /** The project name as written. */
  name: string;
  /** PEP 503 normalised name (`pulumi-aws`). */
  normalized: string;
  extras: string[];
  specifiers: Specifier[];
  /** False when the version cannot be read (URL, VCS, unknown constraint syntax). */
  constraintKnown: boolean;
  /** Environment marker (`python_version < "3.11"`), if any. */
  marker?: string;
  /** The requirement as written, for messages. */
  text: string;
  /** 1-based position of `text` in the manifest. */
  line: number;
  column: number;
  endColumn: number;
  /** Pipfile / pyproject table the entry comes from (`packages`, `project.dependencies`...). */
  section: string;
}

export interface InvalidRequirement {
  text: string;
  reason: string;
  line: number;
  column: number;
  endColumn: number;
}

export type ManifestKind = 'requirements' | 'pipfile' | 'pyproject' | 'setup.py';

export interface Manifest {
  path: string;
  kind: ManifestKind;
  requirements: Requirement[];
  invalid: InvalidRequirement[];
  /** Paths named by `-r` lines, relative to the manifest's folder as written. */
  includes: string[];
  /** True when some dependencies cannot be known (editable installs, nameless URLs, dynamic setup.py). */
  opaque: boolean;
  /** False for a pyproject.toml or setup.py that declares no dependencies at all (tool settings only). */
  declaresDependencies: boolean;
  /** Set when the file could not be parsed (TOML syntax error). */
  parseError?: string;
  /** 1-based line of the parse error, when known. */
  parseErrorLine?: number;
}

/** A manifest with nothing in it yet, for the readers to fill. */
export function emptyManifest(path: string, kind: ManifestKind): Manifest {
  return { path, kind, requirements: [], invalid: [], includes: [], opaque: false, declaresDependencies: false };
}

/** A requirement read from `text`, which sits at `line`/`column` of the manifest. */
export function entry(
  name: string,
  extras: string[],
  specifiers: Specifier[],
  constraintKnown: boolean,
  marker: string | undefined,
  text: string,
  line: number,
  column: number,
  section: string,
): Requirement {
  return {
    name,
    normalized: normalizeName(name),
    extras,
    specifiers,
    constraintKnown,
    ...(marker ? { marker } : {}),
    text,
    line,
    column,
    endColumn: column + text.length,
    section,
  };
}
