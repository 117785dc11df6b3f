/**
 * Settings AWS rejects that the provider schema does not type: strings with a closed set of
 * values the schema leaves open (DynamoDB `billing_mode`: `ON_DEMAND` is CloudFormation's word,
 * not the API's), and combinations the API refuses (an event source mapping reading from a Lambda
 * function, MFA delete without the MFA device, a CloudFront error page without its status code).
 * Only values the model knows are judged.
 */
import type { Resource, Site, Value } from './model.js';
import { spell } from './spelling.js';
import { entryOf, itemsOf, stringOf } from './values.js';

export interface ImpossibleSetting {
  at: { site: Site | undefined } | Value;
  /** The argument path as canonical names (`billing_mode`, `custom_error_responses[0].response_page_path`). */
  path: string;
  message: string;
}

/** Values AWS accepts, and nothing else, for string arguments the schema does not make enums. */
const CLOSED_STRINGS: Record<string, Record<string, readonly string[]>> = {
  'dynamodb.Table': { billing_mode: ['PROVISIONED', 'PAY_PER_REQUEST'], stream_view_type: ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'] },
  'apigatewayv2.Api': { protocol_type: ['HTTP', 'WEBSOCKET'] },
};

export function impossibleSettings(resource: Resource): ImpossibleSetting[] {
  const found: ImpossibleSetting[] = [];
  const closed = CLOSED_STRINGS[resource.type.key];
  for (const [name, accepted] of Object.entries(closed ?? {})) {
    const argument = resource.args.get(name);
    const text = stringOf(argument?.value);
    if (argument && text !== undefined && !accepted.includes(text)) {
      found.push({ at: argument.value.site ? argument.value : argument, path: name, message: `is "${text}", which AWS does not accept: one of ${accepted.map((value) => `"${value}"`).join(', ')}.` });
    }
  }
  if (resource.type.key === 'lambda.Function') {
    const architectures = resource.args.get('architectures');
    for (const item of itemsOf(architectures?.value) ?? []) {
      const text = stringOf(item);
      if (text !== undefined && text !== 'x86_64' && text !== 'arm64') found.push({ at: item.site ? item : { site: architectures?.site }, path: 'architectures', message: `holds "${text}": Lambda runs "x86_64" or "arm64".` });
    }
  }
  if (resource.type.key === 'lambda.EventSourceMapping') {
    const source = resource.args.get('event_source_arn');
    if (source?.value.kind === 'output' && source.value.resource?.type.key === 'lambda.Function') {
      found.push({ at: source, path: 'event_source_arn', message: 'is a Lambda function: an event source mapping reads from a queue or stream (SQS, Kinesis, a DynamoDB `stream_arn`, MSK, MQ, DocumentDB), and AWS rejects a function ARN.' });
    }
  }
  if (resource.type.key === 's3.BucketVersioning' || resource.type.key === 's3.BucketVersioningV2') {
    const configuration = resource.args.get('versioning_configuration');
    const mfaDelete = entryOf(configuration?.value, 'mfa_delete', 'mfaDelete');
    if (stringOf(mfaDelete) === 'Enabled' && !resource.args.has('mfa')) {
      found.push({ at: mfaDelete?.site ? (mfaDelete as Value) : { site: configuration?.site }, path: 'versioning_configuration.mfa_delete', message: 'is "Enabled" without `mfa` (the root user\'s MFA device and a current code): S3 refuses the change (AccessDenied: Mfa Authentication must be used).' });
    }
  }
  if (resource.type.key === 'cloudfront.Distribution') {
    const responses = resource.args.get('custom_error_responses');
    (itemsOf(responses?.value) ?? []).forEach((response, index) => {
      const page = entryOf(response, 'response_page_path', 'responsePagePath');
      if (response.kind === 'dict' && !response.open && page && !entryOf(response, 'response_code', 'responseCode')) {
        found.push({ at: page.site ? page : { site: responses?.site }, path: `custom_error_responses[${index}].response_page_path`, message: `is set without \`${spell('response_code', resource.language)}\`: CloudFront takes the two together, and rejects the distribution.` });
      }
    });
  }
  return found;
}
