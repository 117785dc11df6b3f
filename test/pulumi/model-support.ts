/**
 * Builds the program model of a few Python files for model tests: a program in, resources,
 * values and edges out.
 */
import { buildPythonProgram } from '../../src/python/model/build-program.js';
import { pythonUnitsOf } from '../../src/python/units.js';
import type { ProgramModel, Resource } from '../../src/pulumi/model.js';

export function pythonModel(files: Record<string, string>): ProgramModel {
  const units = Object.entries(files).flatMap(([path, text]) => pythonUnitsOf(path, text).map((unit) => ({ unit, root: unit.root, modulePath: unit.path })));
  return buildPythonProgram(units, '.', 'project');
}

/** The model of one Markdown answer: its code blocks are one program. */
export function pythonAnswerModel(path: string, text: string): ProgramModel {
  const units = pythonUnitsOf(path, text).filter((unit) => !unit.isTestFile);
  return buildPythonProgram(units.map((unit) => ({ unit, root: unit.root, modulePath: unit.path })), path, 'answer');
}

export function resourcesOf(model: ProgramModel, key: string): Resource[] {
  return model.resources.filter((resource) => resource.type.key === key);
}

export const header = 'import json\nimport pulumi\nimport pulumi_aws as aws\nfrom pulumi import ResourceOptions\n\n';
