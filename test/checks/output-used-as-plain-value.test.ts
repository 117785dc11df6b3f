import { outputUsedAsPlainValue } from '../../checks/output-used-as-plain-value.js';
import { ruleTester } from '../support/rule-tester.js';

const header = 'import json\nimport pulumi\nimport pulumi_aws as aws\n\nbucket = aws.s3.Bucket("b")\n';

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
  ],
  invalid: [
    {
      code: header + 'policy = json.dumps({"Statement": [{"Resource": bucket.arn}]})\n',
      errors: [{ line: 6, message: /`bucket\.arn` \(an `Output` in pulumi-aws 7\.\d+\.\d+\) is passed to `json\.dumps`.*`pulumi\.Output\.json_dumps/ }],
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
    },
    { path: 'lib/MODEL_RESPONSE.md', code: '```python\nimport pulumi\nimport pulumi_aws as aws\nbucket = aws.s3.Bucket("b")\npulumi.export("url", f"http://{bucket.website_endpoint}")\n```\n', errors: [{ line: 5, path: 'lib/MODEL_RESPONSE.md' }] },
  ],
});
