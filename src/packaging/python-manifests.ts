/**
 * Python dependency manifests: requirements*.txt (PEP 508 lines), Pipfile, pyproject.toml
 * (PEP 621 `[project]`, PEP 735 `[dependency-groups]`, Poetry, PDM and uv tables) and the literal
 * `install_requires` of setup.py, read into one model with the line each requirement sits on.
 *
 * This file is the entry point: which paths are manifests and the reader for each. The parts
 * live beside it: manifest-model.ts (the model), pep508.ts (requirement strings),
 * requirements-txt.ts, toml-manifests.ts with toml-manifest-entries.ts and
 * pipfile-poetry-constraints.ts (Pipfile, pyproject.toml), and setup-py-manifest.ts.
 */
import type { Manifest, ManifestKind } from './manifest-model.js';
import { parseRequirementsText } from './requirements-txt.js';
import { parseSetupPy } from './setup-py-manifest.js';
import { parsePipfile, parsePyproject } from './toml-manifests.js';

export type { InvalidRequirement, Manifest, ManifestKind, Requirement } from './manifest-model.js';
export { parseRequirement, type RequirementParse } from './pep508.js';
export { parseRequirementsText, type RequirementsText } from './requirements-txt.js';
export { pipfileConstraint, poetryConstraint } from './pipfile-poetry-constraints.js';

export function isManifestPath(path: string): boolean {
  return manifestKind(path) !== undefined;
}

/** requirements*.txt (also inside a `requirements/` folder), Pipfile, pyproject.toml or setup.py. */
export function manifestKind(path: string): ManifestKind | undefined {
  const base = path.split('/').pop() ?? path;
  if (/^requirements[^/]*\.txt$/.test(base) || /(^|\/)requirements\/[^/]+\.txt$/.test(path)) return 'requirements';
  if (base === 'Pipfile') return 'pipfile';
  if (base === 'pyproject.toml') return 'pyproject';
  if (base === 'setup.py') return 'setup.py';
  return undefined;
}

export function parseManifest(path: string, text: string): Manifest | undefined {
  switch (manifestKind(path)) {
    case 'requirements':
      return { path, ...parseRequirementsText(text) };
    case 'pipfile':
      return parsePipfile(path, text);
    case 'pyproject':
      return parsePyproject(path, text);
    case 'setup.py':
      return parseSetupPy(path, text);
    default:
      return undefined;
  }
}
