import { outputUsedAsPlainValue } from '../../checks/output-used-as-plain-value.js';
import { ruleTester } from '../support/rule-tester.js';

const header = 'import json\nimport pulumi\nimport pulumi_aws as aws\n\nbucket = aws.s3.Bucket("b")\n';
const ts = 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n\nconst bucket = new aws.s3.Bucket("b");\n';

ruleTester(outputUsedAsPlainValue, {
  valid: [
    // The helpers that wait for the value.
    header + 'name = pulumi.Output.format("{0}-logs", bucket.id)\n',
    header + 'name = pulumi.Output.concat(bucket.id, "-logs")\n',
    header + 'policy = pulumi.Output.json_dumps({"Statement": [{"Resource": bucket.arn}]})\n',
    header + 'policy = bucket.arn.apply(lambda arn: json.dumps({"Statement": [{"Resource": f"{arn}/*"}]}))\n',
    header + 'other = aws.s3.Bucket("c")\npolicy = pulumi.Output.all(bucket.arn, other.arn).apply(lambda arns: json.dumps({"Resource": [arns[0], arns[1]]}))\n',
    header + 'joined = pulumi.Output.all(bucket.arn, bucket.id).apply(lambda values: ",".join(values))\n',
    header + 'url = bucket.bucket_domain_name.apply(lambda domain: "https://" + domain)\n',
    // Plain values: a provider function's direct result, configuration, stack names.
    header + 'identity = aws.get_caller_identity()\narn = f"arn:aws:iam::{identity.account_id}:root"\n',
    header + 'config = pulumi.Config()\nenv = config.get("env") or "dev"\nname = f"app-{env}-{pulumi.get_stack()}"\naws.s3.Bucket(name)\n',
    // The Output passed as it is.
    header + 'aws.s3.BucketPolicy("p", bucket=bucket.id, policy=bucket.arn.apply(lambda arn: json.dumps({"Resource": arn})))\n',
    // An optional Output parameter checked for None is the usual idiom, not a test of the value.
    header + 'def attach(name, kms_key_arn=None):\n    if kms_key_arn:\n        pulumi.export(name, kms_key_arn)\nattach("key", bucket.arn)\n',
    // A helper run with unknown arguments (no visible caller): its parameter is not known to be an Output.
    header + 'def tag(value):\n    return f"{value}-tag"\n',
    { path: 'README.md', code: '```python\nimport pulumi\nimport pulumi_aws as aws\nbucket = aws.s3.Bucket("b")\nname = pulumi.Output.concat(bucket.id, "-x")\n```\n' },
    // An Output kept in a field and tested for None is the optional-argument check, not a test of its value.
    header +
      'class Fn:\n' +
      '    def __init__(self, topic_arn=None):\n' +
      '        self.topic_arn = topic_arn\n' +
      '        arns = [self.topic_arn] if self.topic_arn else []\n' +
      'Fn(bucket.arn)\n',
    // An assertion's message is built only when it fails.
    header + 'assert bucket.arn.apply(lambda arn: arn.startswith("arn:")), f"unexpected ARN {bucket.arn}"\n',
    // TypeScript: the helpers that wait for the value.
    { path: 'index.ts', code: ts + 'export const name = pulumi.interpolate`${bucket.id}-logs`;\n' },
    { path: 'index.ts', code: ts + 'export const name = pulumi.concat(bucket.id, "-logs");\n' },
    { path: 'index.ts', code: ts + 'export const policy = pulumi.jsonStringify({ Statement: [{ Resource: bucket.arn }] });\n' },
    { path: 'index.ts', code: ts + 'export const policy = bucket.arn.apply((arn) => JSON.stringify({ Statement: [{ Resource: `${arn}/*` }] }));\n' },
    { path: 'index.ts', code: ts + 'const other = new aws.s3.Bucket("c");\nexport const both = pulumi.all([bucket.arn, other.arn]).apply(([a, b]) => `${a},${b}`);\n' },
    { path: 'index.ts', code: ts + 'const env = new pulumi.Config().get("env") ?? "dev";\nnew aws.s3.Bucket(`app-${env}-${pulumi.getStack()}`);\n' },
    {
      path: 'lib/fn.ts',
      code:
        ts +
        'export interface FnProps { topicArn?: pulumi.Input<string> }\n' +
        'export function environment(props: FnProps) {\n' +
        '  return props.topicArn ? { TOPIC: props.topicArn } : {};\n' +
        '}\n' +
        'environment({ topicArn: bucket.arn });\n',
    },
  ],
  invalid: [
    {
      code: header + 'policy = json.dumps({"Statement": [{"Resource": bucket.arn}]})\n',
      errors: [{ line: 6, message: /`bucket\.arn` \(an `Output` in pulumi-aws 7\.\d+\.\d+\) is passed to `json\.dumps`.*`pulumi\.Output\.json_dumps/ }],
      // No fix: kept in a variable, the text may be used as a string elsewhere.
      output: null,
    },
    {
      name: 'fix: json.dumps written as a resource argument becomes pulumi.Output.json_dumps',
      code: header + 'aws.s3.BucketPolicy("p", bucket=bucket.id, policy=json.dumps({"Statement": [{"Effect": "Allow", "Resource": [bucket.arn, bucket.id]}]}, indent=2))\n',
      // Two Outputs in one call: one finding (the engine keeps one per site), one fix; keyword arguments stay.
      errors: [{ line: 6 }],
      output: header + 'aws.s3.BucketPolicy("p", bucket=bucket.id, policy=pulumi.Output.json_dumps({"Statement": [{"Effect": "Allow", "Resource": [bucket.arn, bucket.id]}]}, indent=2))\n',
    },
    {
      name: 'fix: json.dumps as an item of a resource argument',
      code: header + 'aws.iam.Role("r", assume_role_policy="{}", inline_policies=[{"name": "read", "policy": json.dumps({"Resource": bucket.arn})}])\n',
      errors: [{ line: 6 }],
      output: header + 'aws.iam.Role("r", assume_role_policy="{}", inline_policies=[{"name": "read", "policy": pulumi.Output.json_dumps({"Resource": bucket.arn})}])\n',
    },
    {
      name: 'no fix: an Output formatted into a string inside the document stays wrong in json_dumps',
      code: header + 'aws.s3.BucketPolicy("p", bucket=bucket.id, policy=json.dumps({"Resource": f"{bucket.arn}/*"}))\n',
      errors: [{ line: 6 }],
      output: null,
    },
    {
      name: 'no fix: the JSON text is used as a string inside the argument',
      code: header + 'aws.s3.BucketPolicy("p", bucket=bucket.id, policy=json.dumps({"Resource": bucket.arn}).strip())\n',
      errors: [{ line: 6 }],
      output: null,
    },
    {
      name: 'no fix: `pulumi` is imported under another name',
      code: header.replace('import pulumi\n', 'import pulumi as pl\n') + 'aws.s3.BucketPolicy("p", bucket=bucket.id, policy=json.dumps({"Resource": bucket.arn}))\n',
      errors: [{ line: 6 }],
      output: null,
    },
    { code: header + 'name = f"{bucket.id}-logs"\n', errors: [{ line: 6, message: /is formatted into a string \(an f-string\).*`pulumi\.Output\.concat/ }] },
    { code: header + 'name = "logs-" + bucket.id\n', errors: [{ line: 6, message: /concatenated with `\+`, which raises TypeError/ }] },
    { code: header + 'name = "logs-%s" % bucket.id\n', errors: [{ line: 6, message: /`%` formatting.*pulumi\.Output\.format/ }] },
    { code: header + 'name = "logs-{}".format(bucket.id)\n', errors: [{ line: 6, message: /`\.format`.*pulumi\.Output\.format/ }] },
    { code: header + 'name = str(bucket.arn)\n', errors: [{ line: 6, message: /`str\(\)`/ }] },
    { code: header + 'arns = ",".join([bucket.arn, bucket.id])\n', errors: [{ line: 6, message: /joined as a string.*Output\.all/ }] },
    { code: header + 'if bucket.website_endpoint:\n    pulumi.export("site", bucket.website_endpoint)\n', errors: [{ line: 6, message: /tested in a condition/ }] },
    { code: header + 'aws.s3.BucketPolicy(bucket.id, bucket=bucket.id, policy="{}")\n', errors: [{ line: 6, message: /logical resource name/ }] },
    // An f-string inside a logical name is one mistake: reported once, as the name.
    { code: header + 'aws.s3.BucketPolicy(f"{bucket.id}-policy", bucket=bucket.id, policy="{}")\n', errors: [{ line: 6, message: /logical resource name/ }] },
    { code: header + 'if bucket.region == "us-east-1":\n    pulumi.export("east", True)\n', errors: [{ line: 6, message: /compared with a plain value/ }] },
    // Through a variable, a helper's parameter, a self attribute and a loop.
    { code: header + 'arn = bucket.arn\nresource = f"{arn}/*"\n', errors: [{ line: 7, message: /`bucket\.arn`/ }] },
    { code: header + 'def policy_for(arn):\n    return json.dumps({"Resource": arn})\npolicy_for(bucket.arn)\n', errors: [{ line: 7 }] },
    {
      code:
        header +
        'class Site(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Site", name, None, opts)\n' +
        '        self.bucket = aws.s3.Bucket("site", opts=pulumi.ResourceOptions(parent=self))\n' +
        '        self._policy()\n' +
        '    def _policy(self):\n' +
        '        for action in ["s3:GetObject", "s3:ListBucket"]:\n' +
        '            aws.s3.BucketPolicy(f"p-{action}", bucket=self.bucket.id, policy=json.dumps({"Action": action, "Resource": self.bucket.arn}))\n',
      errors: [{ line: 13, message: /`self\.bucket\.arn`/ }],
      output:
        header +
        'class Site(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Site", name, None, opts)\n' +
        '        self.bucket = aws.s3.Bucket("site", opts=pulumi.ResourceOptions(parent=self))\n' +
        '        self._policy()\n' +
        '    def _policy(self):\n' +
        '        for action in ["s3:GetObject", "s3:ListBucket"]:\n' +
        '            aws.s3.BucketPolicy(f"p-{action}", bucket=self.bucket.id, policy=pulumi.Output.json_dumps({"Action": action, "Resource": self.bucket.arn}))\n',
    },
    { path: 'lib/MODEL_RESPONSE.md', code: '```python\nimport pulumi\nimport pulumi_aws as aws\nbucket = aws.s3.Bucket("b")\npulumi.export("url", f"http://{bucket.website_endpoint}")\n```\n', errors: [{ line: 5, path: 'lib/MODEL_RESPONSE.md' }] },
    // TypeScript: a template literal, `+`, JSON.stringify, String(), .join, a condition, a comparison, a logical name.
    {
      path: 'index.ts',
      code: ts + 'export const name = `${bucket.id}-logs`;\n',
      errors: [{ line: 5, message: /`bucket\.id` \(an `Output` in @pulumi\/aws 7\.\d+\.\d+\) is formatted into a string \(a template literal\), which yields the text "Calling \[toString\] on an \[Output<T>\] is not supported".*pulumi\.interpolate/ }],
      // No fix: an exported string may be read as text elsewhere.
      output: null,
    },
    {
      name: 'fix: a template literal written as a resource argument gets the pulumi.interpolate tag',
      path: 'index.ts',
      code: ts + 'new aws.s3.BucketObject("index", { bucket: bucket.id, content: `<a href="http://${bucket.websiteEndpoint}/${bucket.id}">home</a>` });\n',
      // Two holes: two findings with the same fix, applied once.
      errors: [{ line: 5 }, { line: 5 }],
      output: ts + 'new aws.s3.BucketObject("index", { bucket: bucket.id, content: pulumi.interpolate`<a href="http://${bucket.websiteEndpoint}/${bucket.id}">home</a>` });\n',
    },
    {
      name: 'fix: a template inside a list argument, multi-line',
      path: 'index.ts',
      code: ts + 'new aws.iam.RolePolicyAttachment("a", {\n  role: "r",\n  policyArn: `arn:aws:iam::aws:policy/${bucket.bucket}`,\n});\n',
      errors: [{ line: 7 }],
      output: ts + 'new aws.iam.RolePolicyAttachment("a", {\n  role: "r",\n  policyArn: pulumi.interpolate`arn:aws:iam::aws:policy/${bucket.bucket}`,\n});\n',
    },
    {
      name: 'no fix: pulumi imported under another name',
      path: 'index.ts',
      code: ts.replace('import * as pulumi', 'import * as pl') + 'new aws.s3.BucketObject("index", { bucket: bucket.id, content: `${bucket.websiteEndpoint}` });\n',
      errors: [{ line: 5 }],
      output: null,
    },
    {
      name: 'no fix: a template with another tag',
      path: 'index.ts',
      code: ts + 'new aws.s3.BucketObject("index", { bucket: bucket.id, content: String.raw`${bucket.websiteEndpoint}` });\n',
      errors: [{ line: 5 }],
      output: null,
    },
    { path: 'index.ts', code: ts + 'export const name = "logs-" + bucket.bucketDomainName;\n', errors: [{ line: 5, message: /`bucket\.bucketDomainName` .* concatenated with `\+`/ }] },
    { path: 'index.ts', code: ts + 'export const policy = JSON.stringify({ Statement: [{ Resource: bucket.arn }] });\n', errors: [{ line: 5, message: /passed to `JSON\.stringify`, which writes the text "Calling \[toJSON\].*pulumi\.jsonStringify/ }] },
    { path: 'index.ts', code: ts + 'export const arn = String(bucket.arn);\n', errors: [{ line: 5, message: /`String\(\)`/ }] },
    { path: 'index.ts', code: ts + 'export const arns = [bucket.arn, bucket.id].join(",");\n', errors: [{ line: 5, message: /joined into a string with `\.join`.*pulumi\.all/ }] },
    { path: 'index.ts', code: ts + 'if (bucket.websiteEndpoint) {\n  new aws.s3.Bucket("site");\n}\n', errors: [{ line: 5, message: /`bucket\.websiteEndpoint` .* tested in a condition/ }] },
    { path: 'index.ts', code: ts + 'export const east = bucket.region === "us-east-1" ? "east" : "other";\n', errors: [{ line: 5, message: /compared with a plain value/ }] },
    { path: 'index.ts', code: ts + 'new aws.s3.BucketPolicy(`${bucket.id}-policy`, { bucket: bucket.id, policy: "{}" });\n', errors: [{ line: 5, message: /logical resource name.*`pulumi\.getStack\(\)`/ }] },
    // Through a helper's parameter and a class field read in a method.
    { path: 'index.ts', code: ts + 'function policyFor(arn: pulumi.Output<string>) {\n  return JSON.stringify({ Resource: arn });\n}\npolicyFor(bucket.arn);\n', errors: [{ line: 6 }] },
    {
      path: 'lib/site.ts',
      code:
        ts +
        'export class Site extends pulumi.ComponentResource {\n' +
        '  private site: aws.s3.Bucket;\n' +
        '  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {\n' +
        '    super("x:y:Site", name, {}, opts);\n' +
        '    this.site = new aws.s3.Bucket("site", {}, { parent: this });\n' +
        '    this.policy();\n' +
        '  }\n' +
        '  private policy() {\n' +
        '    new aws.s3.BucketPolicy("p", { bucket: this.site.id, policy: JSON.stringify({ Resource: `${this.site.arn}/*` }) }, { parent: this });\n' +
        '  }\n' +
        '}\n',
      errors: [{ line: 13, message: /`this\.site\.arn` .* passed to `JSON\.stringify`/ }],
    },
    { path: 'lib/MODEL_RESPONSE.md', code: '```typescript\nimport * as aws from "@pulumi/aws";\nconst bucket = new aws.s3.Bucket("b");\nexport const url = `http://${bucket.websiteEndpoint}`;\n```\n', errors: [{ line: 4, path: 'lib/MODEL_RESPONSE.md' }] },
  ],
});
