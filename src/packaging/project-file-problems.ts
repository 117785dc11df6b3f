/**
 * What Pulumi refuses when it loads a project file (`Pulumi.yaml`), as its own validation does
 * (pulumi/sdk/go/common/workspace/project.go, `Project.Validate`): a missing `name` or `runtime`,
 * a configuration key with both `default` and `value`, and a key of another namespace
 * (`aws:region` in project `tap`) that declares a `type` or a `default`, or gives no `value`.
 * Every `pulumi` command in the project fails on them before the program runs.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node, type Pair } from 'yaml';

export interface ProjectFileProblem {
  /** 1-based line and column of the key the problem is about, in the text given. */
  line: number;
  column: number;
  endColumn: number;
  message: string;
}

/**
 * Problems of a project file's text; none when it is not YAML Pulumi could read as a project at
 * all. `excerpt`: the text may be part of the file (an answer's block showing its `config:`), so a
 * missing `name` or `runtime` proves nothing.
 */
export function projectFileProblems(text: string, excerpt = false): ProjectFileProblem[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (document.errors.length || !isMap(document.contents)) return [];
  const root = document.contents;
  const problems: ProjectFileProblem[] = [];
  const at = (node: Node | null | undefined, message: string) => {
    const [start, end] = node?.range ?? [0, 0];
    const { line, col } = lineCounter.linePos(start);
    const endColumn = lineCounter.linePos(end).line === line ? lineCounter.linePos(end).col : col + 1;
    problems.push({ line, column: col, endColumn: Math.max(endColumn, col + 1), message });
  };
  const name = root.get('name');
  for (const attribute of excerpt ? [] : (['name', 'runtime'] as const)) {
    if (!root.has(attribute)) at(root.items[0]?.key as Node | undefined, `The project file has no \`${attribute}\`: Pulumi does not load a project without one.`);
  }
  const config = root.get('config', true);
  if (!isMap(config)) return problems;
  const projectName = typeof name === 'string' ? name : undefined;
  for (const pair of config.items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || !isMap(pair.value)) continue;
    const settings = pair.value;
    const has = (attribute: string) => settings.has(attribute);
    if (has('default') && has('value')) {
      at(pair.key, `Configuration key \`${key}\` has both \`default\` and \`value\`: Pulumi accepts one of them.`);
      continue;
    }
    const ownKey = !key.includes(':') || (projectName !== undefined && key.startsWith(`${projectName}:`));
    if (ownKey) continue;
    const namespace = key.slice(0, key.indexOf(':'));
    if (has('default')) {
      at(pair.key, `Configuration key \`${key}\` belongs to \`${namespace}\`, not to the project, so it cannot declare a \`default\`: Pulumi stops with "should not define a default value". Write \`value:\` instead, or set it per stack (\`pulumi config set ${key} ...\`).`);
    } else if (has('type')) {
      at(pair.key, `Configuration key \`${key}\` belongs to \`${namespace}\`, not to the project, so it cannot declare a \`type\`: Pulumi stops with "should not define a type". Give only its \`value\`.`);
    } else if (!has('value')) {
      at(pair.key, `Configuration key \`${key}\` belongs to \`${namespace}\`, not to the project, and gives no \`value\`: Pulumi stops with "must provide an attribute 'value'". Give its \`value\`, or set it per stack.`);
    }
  }
  return problems;
}
