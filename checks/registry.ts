/**
 * The explicit list of detectors. A detector that is not listed here does not run; the
 * catalog test fails when a rule file exists without an entry, docs or tests.
 */
import type { Rule } from '../src/api/rule.js';
import { cidrConflict } from './cidr-conflict.js';
import { deprecatedApi } from './deprecated-api.js';
import { developmentSettingsInProduction } from './development-settings-in-production.js';
import { regionDiffersFromRequirement } from './region-differs-from-requirement.js';
import { mixedRegions } from './mixed-regions.js';
import { missingExplicitProvider } from './missing-explicit-provider.js';
import { wrongResourceDependencies } from './wrong-resource-dependencies.js';
import { wrongLanguageForTask } from './wrong-language-for-task.js';
import { fileOutsideAllowedStructure } from './file-outside-allowed-structure.js';
import { foreignIacSyntax } from './foreign-iac-syntax.js';
import { hardcodedValues } from './hardcoded-values.js';
import { missingDocstring } from './missing-docstring.js';
import { missingImport } from './missing-import.js';
import { missingSetupDocumentation } from './missing-setup-documentation.js';
import { outdatedRuntime } from './outdated-runtime.js';
import { packageVersionConflict } from './package-version-conflict.js';
import { partialImplementation } from './partial-implementation.js';
import { placeholderResourceName } from './placeholder-resource-name.js';
import { publicOrUnencryptedStorage } from './public-or-unencrypted-storage.js';
import { securityGroupOpenToWorld } from './security-group-open-to-world.js';
import { stackNotComponentResource } from './stack-not-component-resource.js';
import { syntaxError } from './syntax-error.js';
import { testWithoutAssertion } from './test-without-assertion.js';
import { truncatedFile } from './truncated-file.js';
import { unknownResourceOrArgument } from './unknown-resource-or-argument.js';
import { unsafeCodeExecution } from './unsafe-code-execution.js';
import { missingRequiredArgument } from './missing-required-argument.js';
import { unknownOutputAttribute } from './unknown-output-attribute.js';
import { invalidArgumentValue } from './invalid-argument-value.js';
import { outputUsedAsPlainValue } from './output-used-as-plain-value.js';
import { assetPathOutsideProgramDirectory } from './asset-path-outside-program-directory.js';
import { invalidProjectFile } from './invalid-project-file.js';

export const detectors: readonly Rule[] = [
  cidrConflict,
  regionDiffersFromRequirement,
  mixedRegions,
  missingExplicitProvider,
  wrongResourceDependencies,
  truncatedFile,
  syntaxError,
  stackNotComponentResource,
  unsafeCodeExecution,
  fileOutsideAllowedStructure,
  foreignIacSyntax,
  wrongLanguageForTask,
  outdatedRuntime,
  missingDocstring,
  partialImplementation,
  securityGroupOpenToWorld,
  publicOrUnencryptedStorage,
  hardcodedValues,
  developmentSettingsInProduction,
  placeholderResourceName,
  missingImport,
  testWithoutAssertion,
  unknownResourceOrArgument,
  deprecatedApi,
  missingRequiredArgument,
  unknownOutputAttribute,
  invalidArgumentValue,
  outputUsedAsPlainValue,
  assetPathOutsideProgramDirectory,
  invalidProjectFile,
  packageVersionConflict,
  missingSetupDocumentation,
];
