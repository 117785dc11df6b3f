/**
 * What the full/parse target leaves for the detectors, measured in the same run: the engine with
 * no rules (decode, the addon's parse, Markdown units, suppressions) is a floor no detector work
 * can go under, so the detectors may take at most `target × parse − floor` between them. As a
 * yardstick for that budget: what one pass over every node of every tree costs when it reads
 * each node's type through the node objects detectors use (the cheapest tree walk a rule can do).
 */
import type { FlatTree } from '../../src/syntax/flat-tree.js';
import { parsePython } from '../../src/python/parser.js';

export interface RatioBudget {
  target: number;
  /** The engine with no rules, as a multiple of the bare parse. */
  floorRatio: number;
  /** Milliseconds left for all detectors together at the target. */
  detectorBudgetMs: number;
  /** Milliseconds the detectors took inside the full analysis. */
  detectorsMs: number;
  /** One pass over every node through node objects, in milliseconds and as a multiple of the parse. */
  oneWalkMs: number;
  oneWalkRatio: number;
  nodes: number;
}

/** Reads every node's type through a fresh node object, as a rule walking the whole tree would. */
function walkEveryNode(trees: readonly FlatTree[]): number {
  let calls = 0;
  for (const tree of trees) {
    tree.compact(); // no node objects left over from an earlier pass
    for (let index = 0; index < tree.nodeCount; index++) if (tree.node(index).type === 'call') calls++;
  }
  return calls;
}

export function measureRatioBudget(input: {
  units: readonly string[];
  parseMs: number;
  engineBaseMs: number;
  detectorsMs: number;
  target: number;
  fastest: (run: () => number) => Promise<number>;
}): Promise<RatioBudget> {
  const trees = input.units.map((text) => parsePython(text));
  return input.fastest(() => walkEveryNode(trees)).then((oneWalkMs) => ({
    target: input.target,
    floorRatio: input.engineBaseMs / input.parseMs,
    detectorBudgetMs: Math.max(0, input.target * input.parseMs - input.engineBaseMs),
    detectorsMs: input.detectorsMs,
    oneWalkMs,
    oneWalkRatio: oneWalkMs / input.parseMs,
    nodes: trees.reduce((total, tree) => total + tree.nodeCount, 0),
  }));
}

export function describeRatioBudget(budget: RatioBudget, detectorCount: number): string[] {
  const ms = (value: number) => `${Math.round(value)} ms`;
  return [
    `engine without detectors: ${budget.floorRatio.toFixed(2)}x the bare parse`,
    `left for the ${detectorCount} detectors at full/parse <= ${budget.target}: ${ms(budget.detectorBudgetMs)} (${ms(budget.detectorBudgetMs / detectorCount)} each); they take ${ms(budget.detectorsMs)} (${(budget.detectorsMs / Math.max(1, budget.detectorBudgetMs)).toFixed(1)}x the budget)`,
    `one walk over all ${budget.nodes} nodes through node objects: ${ms(budget.oneWalkMs)} (${budget.oneWalkRatio.toFixed(2)}x the bare parse)`,
  ];
}
