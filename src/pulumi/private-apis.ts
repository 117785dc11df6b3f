/**
 * A private REST API (`endpoint_configuration.types` PRIVATE) is only reachable through a VPC
 * endpoint its resource policy allows, and API Gateway refuses to deploy one without a policy
 * ("Private REST API doesn't have a resource policy attached to it"). This finds private APIs of
 * the program that a Deployment deploys with no `policy` argument and no `apigateway.RestApiPolicy`
 * for them; an API whose arguments the model does not see whole is not judged.
 */
import type { ProgramModel, Resource } from './model.js';
import { entryOf, referencedResources, stringsIn } from './values.js';

export function privateApisWithoutPolicy(model: ProgramModel): Resource[] {
  const deployed = new Set(model.resources.filter((resource) => resource.type.key === 'apigateway.Deployment').flatMap((deployment) => referencedResources(deployment.args.get('rest_api')?.value)));
  const policies = model.resources.filter((resource) => resource.type.key === 'apigateway.RestApiPolicy');
  return model.resources.filter((api) => {
    if (api.type.key !== 'apigateway.RestApi' || api.argsOpen || !deployed.has(api)) return false;
    const types = entryOf(api.args.get('endpoint_configuration')?.value, 'types');
    if (!stringsIn(types).some(({ value }) => value.toUpperCase() === 'PRIVATE')) return false;
    if (api.args.has('policy')) return false;
    return !policies.some((policy) => policy.argsOpen || referencedResources(policy.args.get('rest_api_id')?.value).includes(api));
  });
}
