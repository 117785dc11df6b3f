/**
 * Shared vocabulary of the corpus: project words, regions, environments, services and
 * components; the per-file import `Style`; the `Project` and `Plan` shapes; and the relative
 * weight of each kind of file.
 */
import type { Random } from './seeded-random.js';

export const PROJECT_WORDS = [
  'payments', 'analytics', 'webapp', 'datalake', 'iot', 'inventory', 'orders', 'billing', 'search', 'media',
  'identity', 'notifications', 'reporting', 'catalog', 'checkout', 'telemetry', 'ledger', 'gateway', 'crm', 'portal',
];
export const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'ap-northeast-1', 'ca-central-1'];
export const ENVIRONMENTS = ['dev', 'staging', 'prod', 'production', 'qa'];
export const SERVICES = ['api', 'worker', 'auth', 'ingest', 'export', 'scheduler', 'events', 'images', 'users', 'reports', 'audit', 'sync'];
export const COMPONENTS = ['networking', 'security', 'storage', 'iam', 'compute', 'database', 'monitoring'] as const;
export type Component = (typeof COMPONENTS)[number];

/** How a file spells its imports: `aws.ec2.Vpc` or `ec2.Vpc`, `pulumi.ResourceOptions` or `ResourceOptions`. */
export interface Style {
  awsAlias: boolean;
  aws: (module: string) => string;
  opts: string;
  component: string;
  output: string;
  importLines: (modules: readonly string[], needJson: boolean) => string[];
}

export function styleFor(random: Random): Style {
  const awsAlias = random.chance(0.75);
  const pulumiFrom = random.chance(0.35);
  return {
    awsAlias,
    aws: (module) => (awsAlias ? `aws.${module}.` : `${module}.`),
    opts: pulumiFrom ? 'ResourceOptions' : 'pulumi.ResourceOptions',
    component: pulumiFrom ? 'ComponentResource' : 'pulumi.ComponentResource',
    output: pulumiFrom ? 'Output' : 'pulumi.Output',
    importLines: (modules, needJson) => {
      const lines: string[] = [];
      if (needJson) lines.push('import json');
      lines.push('from typing import Dict, List, Optional');
      lines.push('');
      lines.push('import pulumi');
      if (awsAlias) lines.push('import pulumi_aws as aws');
      else lines.push(`from pulumi_aws import ${[...new Set(modules)].sort().join(', ')}`);
      if (pulumiFrom) lines.push('from pulumi import ComponentResource, Output, ResourceOptions');
      return lines;
    },
  };
}

export interface Project {
  name: string;
  region: string;
  environment: string;
  production: boolean;
  cidr: number;
  azCount: number;
  services: string[];
  components: Component[];
  monolith: boolean;
}

export interface Plan {
  path: string;
  kind: FileKind;
  project: Project;
  target: number;
}

export type FileKind = 'stack' | 'component' | 'handler' | 'main' | 'init' | 'unit' | 'integration' | 'answer' | 'stray';

/** Relative weight (bytes) of each kind of file, before scaling to the corpus total. */
export const KIND_WEIGHT: Record<FileKind, number> = {
  stack: 22_000,
  component: 11_000,
  handler: 4_000,
  main: 1_200,
  init: 60,
  unit: 9_000,
  integration: 7_000,
  answer: 24_000,
  stray: 3_000,
};
