/**
 * Suggested changes end to end: a pull_request webhook, the review through the engine worker,
 * and the review comments posted to a nock-simulated GitHub. A fix the change wrote every line
 * of arrives as a ```suggestion block on exactly those lines; one reaching lines the change did
 * not add is described in words.
 */
import { describe, expect, it } from 'vitest';
import { addedLinesPatch, createTestProbot, deliver, expectAllMocksUsed, fixture, GitHubMock, HEAD_SHA, mockFullReview, useNock, type PrFile } from './support.js';

const { unmatched } = useNock();

const STACK = `"""TapStack: the network of the TAP project."""
import pulumi
import pulumi_aws as aws


class TapStack:
    """The stack."""

    def __init__(self, name: str, opts=None):
        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidrBlock="10.0.0.0/16")
        self.provider = aws.Provider("aws")
`;

/** A TypeScript network whose NAT gateway lacks its dependency on the internet gateway (IAC501), and a template literal over an Output (IAC109). */
const NETWORK = `import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" });
const publicSubnet = new aws.ec2.Subnet("public", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" });
const igw = new aws.ec2.InternetGateway("igw", { vpcId: vpc.id });
const eip = new aws.ec2.Eip("nat", { domain: "vpc" });
export const nat = new aws.ec2.NatGateway("nat", { subnetId: publicSubnet.id, allocationId: eip.id });
const bucket = new aws.s3.Bucket("site");
new aws.s3.BucketObject("index", { bucket: bucket.id, content: \`<a href="http://\${bucket.websiteEndpoint}">home</a>\` });
`;

interface PostedComment {
  path: string;
  line: number;
  start_line?: number;
  side: string;
  start_side?: string;
  body: string;
}

async function reviewComments(files: PrFile[]): Promise<{ comments: PostedComment[]; summary: string }> {
  const mock = mockFullReview(new GitHubMock(), files);
  const { probot } = await createTestProbot();
  await deliver(probot, 'pull_request', fixture('pull_request.opened'));
  expectAllMocksUsed(mock, unmatched);
  const [review] = mock.sent.reviews;
  expect(review).toMatchObject({ commit_id: HEAD_SHA, event: 'COMMENT' });
  return { comments: review.comments, summary: mock.sent.issueComments[0]?.body ?? '' };
}

const commentOf = (comments: PostedComment[], ruleId: string): PostedComment => comments.find((comment) => comment.body.startsWith(`**${ruleId} `)) as PostedComment;

describe('review comments with suggested changes', () => {
  it('suggests the fixes of a file the pull request adds, single- and multi-line, on the lines they rewrite', async () => {
    const { comments } = await reviewComments([{ path: 'lib/tap_stack.py', status: 'added', content: STACK }]);

    const rename = commentOf(comments, 'IAC105');
    expect(rename).toMatchObject({ path: 'lib/tap_stack.py', line: 10, side: 'RIGHT' });
    expect(rename.start_line).toBeUndefined();
    expect(rename.body).toContain(
      '**Suggested fix:** Rename `cidrBlock` to `cidr_block`.\n\n```suggestion\n        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16")\n```',
    );

    const region = commentOf(comments, 'IAC302');
    expect(region).toMatchObject({ line: 11 });
    expect(region.body).toContain('```suggestion\n        self.provider = aws.Provider("aws", region="us-east-1")\n```');

    // The stack class fix rewrites the class line and the first line of __init__: one comment over lines 6-10.
    const component = commentOf(comments, 'IAC301');
    expect(component).toMatchObject({ path: 'lib/tap_stack.py', start_line: 6, start_side: 'RIGHT', line: 10, side: 'RIGHT' });
    expect(component.body).toContain(
      [
        '```suggestion',
        'class TapStack(pulumi.ComponentResource):',
        '    """The stack."""',
        '',
        '    def __init__(self, name: str, opts=None):',
        '        super().__init__("pkg:index:TapStack", name, None, opts)',
        '        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidrBlock="10.0.0.0/16")',
        '```',
      ].join('\n'),
    );
    // A finding without a fix is commented on as before, with no suggestion.
    for (const comment of comments.filter((entry) => !/^\*\*IAC(105|301|302) /.test(entry.body))) expect(comment.body).not.toContain('```suggestion');
  });

  it('suggests the TypeScript fixes of an added file: the NAT gateway\'s dependsOn (IAC501) and pulumi.interpolate (IAC109)', async () => {
    const { comments } = await reviewComments([{ path: 'lib/network.ts', status: 'added', content: NETWORK }]);

    const dependency = commentOf(comments, 'IAC501');
    expect(dependency).toMatchObject({ path: 'lib/network.ts', line: 8, side: 'RIGHT' });
    expect(dependency.start_line).toBeUndefined();
    expect(dependency.body).toContain(
      '**Suggested fix:** Add `dependsOn: [igw]`.\n\n```suggestion\nexport const nat = new aws.ec2.NatGateway("nat", { subnetId: publicSubnet.id, allocationId: eip.id }, { dependsOn: [igw] });\n```',
    );

    const template = commentOf(comments, 'IAC109');
    expect(template).toMatchObject({ path: 'lib/network.ts', line: 10, side: 'RIGHT' });
    expect(template.body).toContain(
      '```suggestion\nnew aws.s3.BucketObject("index", { bucket: bucket.id, content: pulumi.interpolate`<a href="http://${bucket.websiteEndpoint}">home</a>` });\n```',
    );
  });

  it('describes a fix in words when it rewrites lines the pull request did not add', async () => {
    // The change rewrote the class line and its docstring (lines 6-7); __init__ was there before.
    const { comments, summary } = await reviewComments([{ path: 'lib/tap_stack.py', status: 'modified', content: STACK, patch: addedLinesPatch(STACK, 6, 7) }]);
    const component = commentOf(comments, 'IAC301');
    expect(component).toMatchObject({ path: 'lib/tap_stack.py', line: 6, side: 'RIGHT' });
    expect(component.start_line).toBeUndefined();
    expect(component.body).not.toContain('```suggestion');
    expect(component.body).toContain(
      '**Automatic fix:** Subclass `pulumi.ComponentResource` and call `super().__init__`. `iac-review scan --fix` applies it; it is not offered as a one-click suggestion because it rewrites lines 6-10, and not all of them are lines this change added.',
    );
    // The rename and the region on lines the change did not touch are not commented on: the summary lists them.
    expect(commentOf(comments, 'IAC105')).toBeUndefined();
    expect(summary).toMatch(/IAC105/);
  });
});
