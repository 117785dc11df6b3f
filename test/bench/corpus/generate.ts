/**
 * The generator proper: draws the projects, plans their files, scales the size targets to the
 * requested total, renders every file (with the planted failures common to all kinds) and
 * adds the manifests and stats.
 */
import { answerFile, handlerFile, integrationTestFile, unitTestFile } from './handler-test-answer-files.js';
import { isReviewableCorpusPath, type CorpusFile, type CorpusOptions, type CorpusStats } from './options.js';
import { Planter } from './planter.js';
import { componentFile, mainFile, manifests, stackFile } from './program-files.js';
import { Random } from './seeded-random.js';
import { title, truncate } from './text-helpers.js';
import { COMPONENTS, ENVIRONMENTS, KIND_WEIGHT, PROJECT_WORDS, REGIONS, SERVICES, type Component, type FileKind, type Plan, type Project } from './vocabulary.js';

export function generate(options: Required<CorpusOptions>): { files: CorpusFile[]; stats: CorpusStats } {
  const random = new Random(options.seed);
  const planter = new Planter(random);
  const plans: Plan[] = [];
  const projects: Project[] = [];
  for (let index = 0; plans.length < options.files; index++) {
    const project = makeProject(random, index);
    projects.push(project);
    for (const plan of planProject(random, project)) if (plans.length < options.files) plans.push(plan);
  }
  // Scale targets so the reviewable files add up to about `totalBytes`.
  const weights = plans.map((plan) => plan.target);
  const sum = weights.reduce((a, b) => a + b, 0);
  for (const plan of plans) plan.target = Math.max(40, Math.round((plan.target / sum) * options.totalBytes));

  const files: CorpusFile[] = plans.map((plan) => {
    planter.current = [];
    const content = render(random, planter, plan);
    return { path: plan.path, content, planted: planter.current };
  });
  if (options.manifests) {
    for (const project of projects) if (files.some((file) => file.path.startsWith(`lib/${project.name}/`))) files.push(...manifests(random, planter, project));
  }
  const reviewable = files.filter((file) => isReviewableCorpusPath(file.path));
  return {
    files,
    stats: {
      files: reviewable.length,
      bytes: reviewable.reduce((total, file) => total + Buffer.byteLength(file.content), 0),
      lines: reviewable.reduce((total, file) => total + file.content.split('\n').length, 0),
      planted: planter.counts,
    },
  };
}

function makeProject(random: Random, index: number): Project {
  const environment = random.pick(ENVIRONMENTS);
  const components = ['networking', ...random.sample(COMPONENTS.slice(1), random.int(2, 6))] as Component[];
  return {
    name: `${random.pick(PROJECT_WORDS)}_${String(index).padStart(3, '0')}`,
    region: random.pick(REGIONS),
    environment,
    production: environment === 'prod' || environment === 'production',
    cidr: random.int(0, 200),
    azCount: random.int(2, 3),
    services: random.sample(SERVICES, random.int(2, 6)),
    components,
    monolith: index % 40 === 17,
  };
}

function planProject(random: Random, project: Project): Plan[] {
  const base = `lib/${project.name}`;
  const plans: Plan[] = [];
  const add = (path: string, kind: FileKind, sigma = 0.45) => plans.push({ path, kind, project, target: KIND_WEIGHT[kind] * random.spread(sigma) });
  add(`${base}/__init__.py`, 'init');
  add(`${base}/__main__.py`, 'main', 0.3);
  // One project in forty puts everything in one enormous stack file.
  if (project.monolith) plans.push({ path: `${base}/tap_stack.py`, kind: 'stack', project, target: KIND_WEIGHT.stack * random.int(8, 14) });
  else add(`${base}/tap_stack.py`, 'stack');
  add(`${base}/components/__init__.py`, 'init');
  for (const component of project.components) add(`${base}/components/${component}.py`, 'component');
  if (project.components.includes('compute') || random.chance(0.4)) add(`${base}/lambda/handler.py`, 'handler');
  add(`tests/${project.name}/unit/test_tap_stack.py`, 'unit');
  if (random.chance(0.8)) add(`tests/${project.name}/integration/test_tap_stack.py`, 'integration');
  if (random.chance(0.55)) add(`${base}/MODEL_RESPONSE.md`, 'answer', 0.5);
  if (random.chance(0.3)) add(`${base}/IDEAL_RESPONSE.md`, 'answer', 0.5);
  // The seed's "created test_integration.py nobody asked for".
  if (random.chance(0.04)) add(`${project.name}_test_integration.py`, 'stray');
  return plans;
}

function render(random: Random, planter: Planter, plan: Plan): string {
  let text: string;
  switch (plan.kind) {
    case 'init':
      text = random.chance(0.5) ? '' : `"""${title(plan.project.name)} package."""\n`;
      break;
    case 'main':
      text = mainFile(random, planter, plan);
      break;
    case 'stack':
      text = stackFile(random, planter, plan);
      break;
    case 'component':
      text = componentFile(random, planter, plan, (plan.path.split('/').pop() ?? '').replace('.py', '') as Component);
      break;
    case 'handler':
      text = handlerFile(random, planter, plan);
      break;
    case 'unit':
      text = unitTestFile(random, planter, plan);
      break;
    case 'integration':
    case 'stray':
      text = integrationTestFile(random, planter, plan);
      break;
    case 'answer':
      text = answerFile(random, planter, plan);
      break;
  }
  if (plan.kind !== 'init' && plan.kind !== 'answer') {
    if (planter.plant('non-ascii comment', 0.02)) text = `# -*- coding: utf-8 -*-\n# Créé par le modèle — déploiement “${plan.project.name}” ✅\n${text}`;
    if (planter.plant('truncated file', 0.035)) text = truncate(random, text);
    else if (planter.plant('CRLF line endings', 0.01)) text = text.replace(/\n/g, '\r\n');
  }
  return text;
}
