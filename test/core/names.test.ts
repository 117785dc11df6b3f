import { describe, expect, it } from 'vitest';
import { dottedName, importTable, qualifiedName } from '../../src/python/names.js';
import { parsePython } from '../../src/python/parser.js';
import { descendantsOfType } from '../../src/syntax/walk.js';

function firstCallee(code: string) {
  const tree = parsePython(code);
  const call = descendantsOfType(tree.rootNode, 'call')[0];
  const fn = call?.childForFieldName('function');
  if (!fn) throw new Error('no call');
  return { fn, imports: importTable(tree.rootNode) };
}

describe('name resolution', () => {
  it.each([
    ['import pulumi_aws as aws\naws.ec2.Vpc("v")\n', 'pulumi_aws.ec2.Vpc'],
    ['from pulumi_aws import ec2\nec2.Vpc("v")\n', 'pulumi_aws.ec2.Vpc'],
    ['from pulumi_aws.ec2 import Vpc\nVpc("v")\n', 'pulumi_aws.ec2.Vpc'],
    ['from pulumi_aws.ec2 import Vpc as V\nV("v")\n', 'pulumi_aws.ec2.Vpc'],
    ['import pulumi_aws\npulumi_aws.s3.Bucket("b")\n', 'pulumi_aws.s3.Bucket'],
    ['import os.path\nos.path.join("a")\n', 'os.path.join'],
    ['exec("x")\n', 'exec'],
  ])('%s resolves to %s', (code, expected) => {
    const { fn, imports } = firstCallee(code);
    expect(qualifiedName(fn, imports)).toBe(expected);
  });

  it('is undefined for calls on call results and subscripts', () => {
    expect(dottedName(firstCallee('f()()\n').fn)).toBeUndefined();
    expect(dottedName(firstCallee('a[0].b()\n').fn)).toBeUndefined();
  });

  it('handles a 20,000-link attribute chain without recursion', () => {
    const { fn } = firstCallee(`a${'.b'.repeat(20_000)}()\n`);
    expect(dottedName(fn)?.length).toBe(1 + 2 * 20_000);
  });
});
