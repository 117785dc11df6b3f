import { describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/python/evaluate.js';
import { parsePython } from '../../src/python/parser.js';
import { descendantsOfType } from '../../src/syntax/walk.js';

/** Evaluates the value of the `target=` keyword argument in `code`. */
function evaluateTarget(code: string) {
  const tree = parsePython(code);
  const keyword = [...descendantsOfType(tree.rootNode, 'keyword_argument')].find((node) => node.childForFieldName('name')?.text === 'target');
  const value = keyword?.childForFieldName('value');
  if (!value) throw new Error('no target= in code');
  return new Evaluator().evaluateAll(value);
}

describe('Evaluator.evaluateAll', () => {
  it.each([
    ['f(target="10.0.0.0/16")', ['10.0.0.0/16'], true],
    ['BASE = "10.0"\nf(target=f"{BASE}.1.0/24")', ['10.0.1.0/24'], true],
    ['for i, az in enumerate(["a", "b", "c"][:2]):\n    f(target=f"10.0.{i+1}.0/24")', ['10.0.1.0/24', '10.0.2.0/24'], true],
    ['for i in range(0, 6, 2):\n    f(target=i * 16)', [0, 32, 64], true],
    ['plan = {"a": "x", "b": "y"}\nfor k, v in plan.items():\n    f(target=k + v)', ['ax', 'by'], true],
    ['for n, c in zip(["a", "b"], ["1", "2", "3"]):\n    f(target=n + c)', ['a1', 'b2'], true],
    ['for i in range(2):\n    cidr = f"10.{i}.0.0/16"\n    f(target=cidr)', ['10.0.0.0/16', '10.1.0.0/16'], true],
    ['f(target=[f"10.0.{k}.0/24" for k in range(2)])', [['10.0.0.0/24', '10.0.1.0/24']], true],
    ['for i, az in enumerate(azs[:2]):\n    f(target=f"10.0.{i}.0/24")', ['10.0.0.0/24', '10.0.1.0/24'], false],
    ['for az in unknown():\n    f(target="same")', ['same'], false],
    ['CIDRS = ["10.0.1.0/24", "10.0.2.0/24"]\nfor i in range(len(CIDRS)):\n    f(target=CIDRS[-1 - i])', ['10.0.2.0/24', '10.0.1.0/24'], true],
    ['f(target=f"{{literal}}")', ['{literal}'], true],
  ])('%s', (code, values, exact) => {
    expect(evaluateTarget(code)).toEqual({ values, exact });
  });

  it.each([
    'def g(cidr):\n    f(target=cidr)',
    'x = "a"\nx = "b"\nf(target=x)',
    'i = 0\nfor az in azs:\n    f(target=f"10.0.{i}.0/24")\n    i += 1',
    'f(target=config.require("cidr"))',
    'for az in azs:\n    f(target=az)',
    'f(target=f"{x:>3}")',
    'def str(x):\n    return x\nf(target=str(1))',
    'f(target=' + '('.repeat(200) + '1' + ')'.repeat(200) + ')',
  ])('unknown: %s', (code) => {
    expect(evaluateTarget(code)).toBeUndefined();
  });
});

describe('Evaluator: values changed in place are not constants', () => {
  it.each([
    'ids = []\nfor zone in ["a", "b"]:\n    f(target=f"10.100.{len(ids)}.0/24")\n    ids.append(zone)',
    'plan = {"a": "10.0.0.0/24"}\nplan["a"] = "10.1.0.0/24"\nf(target=plan["a"])',
    'blocks = ["10.0.0.0/24"]\ndef grow():\n    blocks.extend(["10.0.1.0/24"])\nf(target=blocks[-1])',
  ])('%s', (code) => {
    expect(evaluateTarget(code)).toBeUndefined();
  });
});
