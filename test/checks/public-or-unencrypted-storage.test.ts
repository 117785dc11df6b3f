import { publicOrUnencryptedStorage } from '../../checks/public-or-unencrypted-storage.js';
import { ruleTester } from '../support/rule-tester.js';

const header = 'import json\nimport pulumi\nimport pulumi_aws as aws\n\n';

const TS_HEADER = 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n';

ruleTester(publicOrUnencryptedStorage, {
  valid: [
    // Private bucket behind a full public-access block.
    header +
      'bucket = aws.s3.BucketV2("logs")\n' +
      'aws.s3.BucketAclV2("logs-acl", bucket=bucket.id, acl="private")\n' +
      'aws.s3.BucketPublicAccessBlock("logs-pab", bucket=bucket.id, block_public_acls=True, block_public_policy=True,\n' +
      '    ignore_public_acls=True, restrict_public_buckets=True)\n',
    // Private, encrypted database.
    header + 'aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro", publicly_accessible=False, storage_encrypted=True)\n',
    // A read replica inherits encryption from its source; an Aurora instance from its cluster.
    header + 'aws.rds.Instance("replica", replicate_source_db=primary.identifier, instance_class="db.t3.micro")\n',
    header + 'aws.rds.Cluster("aurora", engine="aurora-postgresql", storage_encrypted=True)\naws.rds.ClusterInstance("a1", cluster_identifier="aurora", engine="aurora-postgresql", instance_class="db.r6g.large")\n',
    // Inputs come from elsewhere: storage_encrypted may be in them.
    header + 'aws.rds.Instance("db", **db_settings)\n',
    // Least privilege and a service principal with a condition.
    header +
      'policy = json.dumps({"Version": "2012-10-17", "Statement": [\n' +
      '    {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"},\n' +
      '    {"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::bucket/*"},\n' +
      '    {"Effect": "Deny", "Action": "*", "Resource": "*"},\n' +
      ']})\n',
    // Bucket policy: deny-insecure-transport to "*" and an allow to "*" limited by a condition.
    header +
      'aws.s3.BucketPolicy("p", bucket=bucket.id, policy=json.dumps({"Statement": [\n' +
      '    {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}},\n' +
      '    {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}},\n' +
      '    {"Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"}, "Action": "s3:GetObject", "Resource": "*"},\n' +
      ']}))\n',
    // A JSON string with a scoped action, and an Action "*" string that is not JSON.
    header + "doc = '{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"logs:*\", \"Resource\": \"*\"}]}'\n" + 'note = "Action * on Resource * is forbidden"\n',
    // CORS preflight and API-key protected methods.
    header + 'aws.apigateway.Method("options", rest_api=api.id, resource_id=r.id, http_method="OPTIONS", authorization="NONE")\n',
    header + 'aws.apigateway.Method("get", rest_api=api.id, resource_id=r.id, http_method="GET", authorization="NONE", api_key_required=True)\n',
    header + 'aws.apigateway.Method("get", rest_api=api.id, resource_id=r.id, http_method="GET", authorization="AWS_IAM")\n',
    // Encrypted volumes.
    header + 'aws.ec2.Instance("web", ami=ami.id, instance_type="t3.micro", root_block_device={"encrypted": True, "volume_size": 20})\n',
    // Scoped or conditioned grants, resource policies (where `*` is the resource itself), trust policies, reads on `*`.
    header +
      'role = aws.iam.Role("fn", assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": [\n' +
      '    {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))\n' +
      'aws.iam.RolePolicy("fn", role=role.id, policy=json.dumps({"Version": "2012-10-17", "Statement": [\n' +
      '    {"Effect": "Allow", "Action": ["ec2:Describe*", "s3:Get*", "logs:CreateLogStream", "xray:PutTraceSegments"], "Resource": "*"},\n' +
      '    {"Effect": "Allow", "Action": ["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface"], "Resource": "*"},\n' +
      '    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}},\n' +
      '    {"Effect": "Allow", "Action": ["s3:DeleteObject", "s3:*"], "Resource": [bucket.arn, f"{bucket.arn}/*"]},\n' +
      '    {"Effect": "Deny", "Action": ["iam:*", "ec2:TerminateInstances"], "Resource": "*"},\n' +
      ']}))\n' +
      'aws.kms.Key("key", policy=json.dumps({"Version": "2012-10-17", "Statement": [\n' +
      '    {"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "kms:*", "Resource": "*"}]}))\n',
    // Test files are out of scope.
    { path: 'tests/unit/test_policy.py', code: header + 'aws.rds.Instance("db", engine="mysql", publicly_accessible=True)\n' },
    // TypeScript
    { path: 'lib/tap-stack.ts', code: `${TS_HEADER}new aws.iam.Policy("p", { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::logs/*" }] }) });\n` },
  ],
  invalid: [
    {
      name: 'seed example: publicly accessible RDS, encryption not set',
      code: header + 'aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro", publicly_accessible=True)\n',
      errors: [
        { line: 5, column: 1, endColumn: 17, message: /`aws\.rds\.Instance` does not set `storage_encrypted=True`/ },
        { line: 5, column: 73, message: /`publicly_accessible=True` on `aws\.rds\.Instance` gives the database a public address/ },
      ],
    },
    {
      name: 'storage_encrypted=False on a cluster',
      code: header + 'aws.rds.Cluster("aurora", engine="aurora-mysql", storage_encrypted=False)\n',
      errors: [{ line: 5, message: /`storage_encrypted=False` on `aws\.rds\.Cluster`/ }],
    },
    {
      name: 'public-read ACL and AllUsers grant',
      code:
        header +
        'bucket = aws.s3.Bucket("site", acl="public-read")\n' +
        'aws.s3.BucketAclV2("grant", bucket=bucket.id, access_control_policy={"grants": [{"grantee": {"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}, "permission": "READ"}], "owner": {"id": owner}})\n',
      errors: [
        { line: 5, column: 36, message: /S3 ACL `public-read` on `aws\.s3\.Bucket` lets anyone on the internet read/ },
        { line: 6, message: /grants access to the AllUsers group/ },
      ],
    },
    {
      name: 'public access block with flags False',
      code: header + 'aws.s3.BucketPublicAccessBlock("pab", bucket=b.id, block_public_acls=False, block_public_policy=False, ignore_public_acls=True, restrict_public_buckets=True)\n',
      errors: [{ line: 5, column: 52, message: /sets `block_public_acls=False`, `block_public_policy=False`/ }],
    },
    {
      name: 'bucket policy with Principal * and no condition',
      code:
        header +
        'policy = json.dumps({\n' +
        '    "Version": "2012-10-17",\n' +
        '    "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"}],\n' +
        '})\n' +
        'aws.s3.BucketPolicy("site-policy", bucket=bucket.id, policy=policy)\n',
      // The Principal entry's value (the key before it is not a position of the model).
      errors: [{ line: 7, column: 52, message: /Bucket policy statement allows Principal `\*` \(`s3:GetObject`\) without a Condition/ }],
    },
    {
      name: 'bucket policy inside apply(), Principal {"AWS": "*"}',
      code:
        header +
        'aws.s3.BucketPolicy("p", bucket=b.id, policy=b.arn.apply(lambda arn: json.dumps({"Statement": [\n' +
        '    {"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": [arn, f"{arn}/*"]}]})))\n',
      errors: [{ line: 6, message: /Principal `\*` \(`s3:GetObject`, `s3:ListBucket`\)/ }],
    },
    {
      name: 'bucket policy as a JSON string',
      code: header + 'aws.s3.BucketPolicy("p", bucket=b.id, policy=\'{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}\')\n',
      errors: [{ line: 5, column: 46, message: /Bucket policy allows Principal `\*` without a Condition/ }],
    },
    {
      name: 'IAM Action * on Resource * in json.dumps',
      code:
        header +
        'aws.iam.RolePolicy("admin", role=role.id, policy=json.dumps({"Version": "2012-10-17", "Statement": [\n' +
        '    {"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}]}))\n',
      // The Action entry's value.
      errors: [{ line: 6, column: 35, message: /IAM statement allows Action `\*` on Resource `\*`/ }],
    },
    {
      name: 'IAM Action * in a JSON string',
      code: header + 'aws.iam.Policy("admin", policy="""{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]\n}""")\n',
      errors: [{ line: 5, column: 32, endLine: 8, message: /IAM policy document allows Action `\*` on Resource `\*`/ }],
    },
    {
      name: 'get_policy_document with * actions',
      code: header + 'doc = aws.iam.get_policy_document(statements=[{"actions": ["*"], "resources": ["*"]}])\n',
      errors: [{ line: 5, message: /allows actions `\*` on resources `\*`/ }],
    },
    {
      name: 'API Gateway method without authorization',
      code: header + 'aws.apigateway.Method("get", rest_api=api.id, resource_id=r.id, http_method="GET", authorization="NONE")\n',
      errors: [{ line: 5, severity: 'warning', message: /API Gateway method with `authorization="NONE"` \(GET\) can be called by anyone/ }],
    },
    {
      name: 'API methods created in a loop over HTTP verbs: one finding naming each; OPTIONS left out',
      code:
        header +
        'for verb in ["GET", "POST", "OPTIONS"]:\n' +
        '    aws.apigateway.Method(f"m-{verb}", rest_api=api.id, resource_id=r.id, http_method=verb, authorization="NONE")\n',
      errors: [{ line: 6, severity: 'warning', message: /API Gateway method with `authorization="NONE"` \(GET, POST\) can be called by anyone/ }],
    },
    {
      name: 'unencrypted EBS volume and root device',
      code:
        header +
        'aws.ebs.Volume("data", availability_zone=az, size=100, encrypted=False)\n' +
        'aws.ec2.Instance("web", ami=ami.id, instance_type="t3.micro", root_block_device=aws.ec2.InstanceRootBlockDeviceArgs(encrypted=False))\n',
      errors: [
        { line: 5, message: /`encrypted=False` on `aws\.ebs\.Volume`/ },
        { line: 6, message: /block device of `aws\.ec2\.Instance` sets `encrypted=False`/ },
      ],
    },
    {
      name: 'privilege escalation and service-wide wildcards on Resource *: one finding per statement, an error for a whole service',
      code:
        header +
        'aws.iam.RolePolicy("deploy", role=role.id, policy=json.dumps({"Version": "2012-10-17", "Statement": [\n' +
        '    {"Effect": "Allow", "Action": ["iam:PassRole", "s3:*", "logs:*", "ec2:Describe*"], "Resource": "*"}]}))\n',
      errors: [
        {
          line: 6,
          column: 35,
          // A whole service (`s3:*`) on every resource makes the finding an error.
          severity: 'error',
          message: /IAM statement allows `iam:PassRole` \(privilege escalation\), `s3:\*` \(includes deletes\), `logs:\*` \(includes deletes\) on every resource \(`\*`\)/,
        },
      ],
    },
    {
      name: 'a `*:*` grant through Output.json_dumps is full access',
      code: header + 'bucket = aws.s3.BucketV2("b")\n' + 'aws.iam.Policy("all", policy=pulumi.Output.json_dumps({"Statement": [{"Effect": "Allow", "Action": "*:*", "Resource": "*", "Sid": bucket.arn}]}))\n',
      errors: [{ line: 6, message: /IAM statement allows Action `\*` on Resource `\*`: full administrator access/ }],
    },
    {
      name: 'terminations and key deletion inside apply(lambda ...: json.dumps(...))',
      code:
        header +
        'bucket = aws.s3.BucketV2("b")\n' +
        'aws.iam.Policy("ops", policy=bucket.arn.apply(lambda arn: json.dumps({"Statement": [\n' +
        '    {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": f"{arn}/*"},\n' +
        '    {"Effect": "Allow", "Action": ["ec2:TerminateInstances", "kms:ScheduleKeyDeletion"], "Resource": ["*"]}]})))\n',
      errors: [{ line: 8, severity: 'warning', message: /`ec2:TerminateInstances` \(destructive\), `kms:ScheduleKeyDeletion` \(destructive\) on every resource/ }],
    },
    {
      name: 'get_policy_document: kms:* and iam:* on every resource',
      code: header + 'doc = aws.iam.get_policy_document(statements=[{"actions": ["kms:*"], "resources": ["*"]}, {"effect": "Allow", "actions": ["iam:*"], "resources": ["*"]}])\n',
      errors: [
        { line: 5, severity: 'error', message: /`kms:\*` \(includes `kms:ScheduleKeyDeletion`\) on every resource/ },
        { line: 5, severity: 'error', message: /`iam:\*` \(includes privilege escalation such as `iam:PassRole`\) on every resource/ },
      ],
    },
    {
      name: 'statements built by a helper method from self attributes, and in a comprehension',
      code:
        header +
        'ADMIN = ["iam:AttachRolePolicy", "iam:CreatePolicyVersion"]\n' +
        'class Stack(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Stack", name, None, opts)\n' +
        '        self.actions = ADMIN\n' +
        '        self.role = aws.iam.Role("r", assume_role_policy="{}")\n' +
        '        aws.iam.RolePolicy("p", role=self.role.id, policy=json.dumps(self._policy()))\n' +
        '    def _policy(self):\n' +
        '        return {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": a, "Resource": "*"} for a in self.actions]}\n' +
        'Stack("s")\n',
      errors: [
        // One statement written once, run for each action: one finding naming them all.
        { line: 13, column: 56, severity: 'warning', message: /`iam:AttachRolePolicy` \(privilege escalation\), `iam:CreatePolicyVersion` \(privilege escalation\) on every resource/ },
      ],
    },
    {
      name: 'an RDS Args object nobody visible passes, and settings spread from a dict',
      code:
        header +
        'def db_args():\n' +
        '    return aws.rds.InstanceArgs(engine="postgres", instance_class="db.t3.micro", storage_encrypted=True, publicly_accessible=True)\n' +
        'settings = {"publicly_accessible": False, "storage_encrypted": False}\n' +
        'aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro", **settings)\n',
      errors: [
        { line: 6, column: 126, message: /`publicly_accessible=True` on `aws\.rds\.Instance`/ },
        // Where the dict is spread into the resource.
        { line: 8, column: 75, message: /`storage_encrypted=False` on `aws\.rds\.Instance`/ },
      ],
    },
    {
      name: 'databases created in a loop: one finding',
      code: header + 'for env in ["dev", "prod"]:\n' + '    aws.rds.Instance(f"db-{env}", engine="mysql", instance_class="db.t3.micro", storage_encrypted=False)\n',
      errors: [{ line: 6, message: /`storage_encrypted=False` on `aws\.rds\.Instance`/ }],
    },
    {
      name: 'args object with public access',
      code: header + 'aws.rds.Instance("db", aws.rds.InstanceArgs(engine="mysql", instance_class="db.t3.micro", storage_encrypted=True, publicly_accessible=True))\n',
      errors: [{ line: 5, message: /`publicly_accessible=True`/ }],
    },
    // TypeScript
    {
      name: 'TypeScript: a JSON.stringify policy and a public ACL',
      path: 'lib/tap-stack.ts',
      code: `${TS_HEADER}new aws.iam.Policy("p", { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }) });\nnew aws.s3.BucketAclV2("acl", { bucket: "x", acl: "public-read" });\n`,
      errors: [
        { line: 3, message: /^IAM policy document allows Action `\*` on Resource `\*`/ },
        { line: 4, message: /^S3 ACL `public-read` on `aws.s3.BucketAclV2` lets anyone on the internet read the objects\.$/ },
      ],
    },
  ],
});
