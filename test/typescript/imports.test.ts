import { describe, expect, it } from 'vitest';
import { importedMember, typeScriptImportBindings, typeScriptImportTable } from '../../src/typescript/imports.js';
import { tsFile } from './support.js';

function bindings(text: string) {
  return typeScriptImportBindings(tsFile(text).root).map(({ local, module, member, kind, form, typeOnly }) => ({ local, module, member: member.join('.'), kind, form, typeOnly }));
}

describe('TypeScript import bindings', () => {
  it('reads every import form', () => {
    const text = [
      'import * as aws from "@pulumi/aws";',
      "import pulumi, { ec2, s3 as storage, default as base } from '@pulumi/pulumi';",
      'import type { Input } from "@pulumi/pulumi";',
      'import { type Output, all } from "@pulumi/pulumi";',
      'import cp = require("child_process");',
      'import "./side-effect";',
      'export { iam } from "@pulumi/aws";',
      'const vm = require("vm");',
      'const { execSync, spawn: run, ...rest } = require("child_process");',
      'const lambda = require("@pulumi/aws").lambda.Function;',
      'async function load() {',
      '  const { TapStack } = await import("../lib/tap-stack");',
      '  const mod = await import("../lib/other");',
      '  const pending = import("../lib/later");',
      '  const notAModule = require(name);',
      '}',
    ].join('\n');
    expect(bindings(text)).toEqual([
      { local: 'aws', module: '@pulumi/aws', member: '', kind: 'namespace', form: 'import', typeOnly: false },
      { local: 'pulumi', module: '@pulumi/pulumi', member: '', kind: 'default', form: 'import', typeOnly: false },
      { local: 'ec2', module: '@pulumi/pulumi', member: 'ec2', kind: 'named', form: 'import', typeOnly: false },
      { local: 'storage', module: '@pulumi/pulumi', member: 's3', kind: 'named', form: 'import', typeOnly: false },
      { local: 'base', module: '@pulumi/pulumi', member: '', kind: 'default', form: 'import', typeOnly: false },
      { local: 'Input', module: '@pulumi/pulumi', member: 'Input', kind: 'named', form: 'import', typeOnly: true },
      { local: 'Output', module: '@pulumi/pulumi', member: 'Output', kind: 'named', form: 'import', typeOnly: true },
      { local: 'all', module: '@pulumi/pulumi', member: 'all', kind: 'named', form: 'import', typeOnly: false },
      { local: 'cp', module: 'child_process', member: '', kind: 'namespace', form: 'import-require', typeOnly: false },
      { local: 'vm', module: 'vm', member: '', kind: 'namespace', form: 'require', typeOnly: false },
      { local: 'execSync', module: 'child_process', member: 'execSync', kind: 'named', form: 'require', typeOnly: false },
      { local: 'run', module: 'child_process', member: 'spawn', kind: 'named', form: 'require', typeOnly: false },
      { local: 'lambda', module: '@pulumi/aws', member: 'lambda.Function', kind: 'named', form: 'require', typeOnly: false },
      { local: 'TapStack', module: '../lib/tap-stack', member: 'TapStack', kind: 'named', form: 'dynamic-import', typeOnly: false },
      { local: 'mod', module: '../lib/other', member: '', kind: 'namespace', form: 'dynamic-import', typeOnly: false },
    ]);
  });

  it('resolves identifiers and member chains to module members', () => {
    const root = tsFile(
      'import * as aws from "@pulumi/aws";\nimport { ec2 } from "@pulumi/aws";\nconst cp = require("child_process");\n' +
        'new aws.ec2.Vpc("a", {});\nnew ec2.Subnet("b", {});\ncp.execSync("ls");\nnew local.Thing();\n(aws.s3)!.Bucket;\n',
    ).root;
    const table = typeScriptImportTable(root);
    const resolved = root.descendantsOfType(['new_expression', 'call_expression']).map((node) => {
      const callee = node.childForFieldName(node.type === 'new_expression' ? 'constructor' : 'function');
      const member = callee && importedMember(callee, table);
      return member ? `${member.module}:${member.member.join('.')}` : undefined;
    });
    // `require(...)` itself is no import: `require` is bound by none.
    expect(resolved).toEqual([undefined, '@pulumi/aws:ec2.Vpc', '@pulumi/aws:ec2.Subnet', 'child_process:execSync', undefined]);
    const chain = root.descendantsOfType('member_expression').find((node) => node.text === '(aws.s3)!.Bucket');
    expect(chain && importedMember(chain, table)).toEqual({ module: '@pulumi/aws', member: ['s3', 'Bucket'] });
  });
});
