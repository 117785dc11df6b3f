/**
 * The TOML manifests for python-manifests.ts: Pipfile (`[packages]`, `[dev-packages]`) and
 * pyproject.toml (PEP 621 `[project]`, PEP 735 `[dependency-groups]`, Poetry, PDM and uv
 * tables). The table reading itself is toml-manifest-entries.ts's.
 */
import { emptyManifest, type Manifest } from './manifest-model.js';
import { pipfileConstraint, poetryConstraint } from './pipfile-poetry-constraints.js';
import { addKeyedEntries, addStringEntries, isTable, parseTomlText } from './toml-manifest-entries.js';

export function parsePipfile(path: string, text: string): Manifest {
  const parsed = parseTomlText(path, 'pipfile', text);
  if ('manifest' in parsed) return parsed.manifest;
  const manifest = emptyManifest(path, 'pipfile');
  manifest.declaresDependencies = true;
  const lines = text.split(/\r?\n/);
  for (const section of ['packages', 'dev-packages']) {
    const table = parsed.table[section];
    if (isTable(table)) addKeyedEntries(manifest, lines, table, section, pipfileConstraint);
  }
  manifest.opaque = manifest.requirements.some((requirement) => !requirement.constraintKnown && /\b(path|editable)\b/.test(requirement.text));
  return manifest;
}

export function parsePyproject(path: string, text: string): Manifest {
  const parsed = parseTomlText(path, 'pyproject', text);
  if ('manifest' in parsed) return parsed.manifest;
  const manifest = emptyManifest(path, 'pyproject');
  const lines = text.split(/\r?\n/);
  const root = parsed.table;
  const project = isTable(root.project) ? root.project : undefined;
  if (project) {
    if (Array.isArray(project.dynamic) && project.dynamic.includes('dependencies')) manifest.opaque = true;
    if ('dependencies' in project) {
      manifest.declaresDependencies = true;
      addStringEntries(manifest, lines, project.dependencies, 'project.dependencies');
    }
    const optional = project['optional-dependencies'];
    if (isTable(optional)) {
      manifest.declaresDependencies = true;
      for (const [group, values] of Object.entries(optional)) addStringEntries(manifest, lines, values, `project.optional-dependencies.${group}`);
    }
  }
  const groups = root['dependency-groups'];
  if (isTable(groups)) {
    manifest.declaresDependencies = true;
    for (const [group, values] of Object.entries(groups)) addStringEntries(manifest, lines, values, `dependency-groups.${group}`);
  }
  const tool = isTable(root.tool) ? root.tool : {};
  const poetry = isTable(tool.poetry) ? tool.poetry : undefined;
  if (poetry) {
    for (const [section, table] of [
      ['tool.poetry.dependencies', poetry.dependencies],
      ['tool.poetry.dev-dependencies', poetry['dev-dependencies']],
    ] as const) {
      if (isTable(table)) {
        manifest.declaresDependencies = true;
        addKeyedEntries(manifest, lines, table, section, poetryConstraint);
      }
    }
    if (isTable(poetry.group)) {
      for (const [group, body] of Object.entries(poetry.group)) {
        if (isTable(body) && isTable(body.dependencies)) {
          manifest.declaresDependencies = true;
          addKeyedEntries(manifest, lines, body.dependencies, `tool.poetry.group.${group}.dependencies`, poetryConstraint);
        }
      }
    }
  }
  const pdm = isTable(tool.pdm) ? tool.pdm : undefined;
  if (pdm && isTable(pdm['dev-dependencies'])) {
    manifest.declaresDependencies = true;
    for (const [group, values] of Object.entries(pdm['dev-dependencies'])) addStringEntries(manifest, lines, values, `tool.pdm.dev-dependencies.${group}`);
  }
  const uv = isTable(tool.uv) ? tool.uv : undefined;
  if (uv && Array.isArray(uv['dev-dependencies'])) {
    manifest.declaresDependencies = true;
    addStringEntries(manifest, lines, uv['dev-dependencies'], 'tool.uv.dev-dependencies');
  }
  return manifest;
}
