/* eslint-disable @typescript-eslint/no-explicit-any -- annotations captured from nock are untyped JSON */
/**
 * Requirements from the base, end to end through the App (webhook fixtures, nock, every mock
 * used): the configuration is read at the pull request's base commit, and lib/AWS_REGION and
 * the stack files from the base tree. A pull request that moves lib/AWS_REGION with the code,
 * or relaxes `.github/iac-review.yml`, is reviewed against the base's requirements, and the
 * change is reported (IAC003) naming the old and new value.
 */
import { describe, expect, it } from 'vitest';
import { createTestProbot, deliver, expectAllMocksUsed, fixture, GitHubMock, HEAD_SHA, mockFullReview, useNock, type PrFile } from './support.js';

const { unmatched } = useNock();

const stack = (region: string) =>
  '"""Stack."""\nimport pulumi\nimport pulumi_aws as aws\n\n' +
  `provider = aws.Provider("aws", region="${region}")\n` +
  'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(provider=provider))\n' +
  `aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="${region}a",\n` +
  '    opts=pulumi.ResourceOptions(provider=provider))\n';

const byRule = (annotations: any[], ruleId: string) => annotations.filter((annotation) => annotation.title.startsWith(`${ruleId} `));

describe('requirements from the base commit', () => {
  it('a pull request that moves lib/AWS_REGION with the code still fails IAC201, and the move is reported', async () => {
    // The base tree (PROJECT_TREE) has lib/AWS_REGION us-east-1; the pull request changes it.
    const files: PrFile[] = [
      { path: 'lib/AWS_REGION', status: 'modified', content: 'us-west-2\n' },
      { path: 'lib/tap_stack.py', status: 'added', content: stack('us-west-2') },
    ];
    const mock = mockFullReview(new GitHubMock(), files);
    // review.new_only: lib/AWS_REGION is compared with its base version (one more batch read); the move is new there.
    mock.graphql();
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock, unmatched);

    expect(mock.completion()).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(mock.annotations().filter((annotation) => annotation.title.startsWith('(pre-existing)'))).toEqual([]);
    const annotations = mock.annotations();
    expect(byRule(annotations, 'IAC201').length).toBeGreaterThan(0);
    expect(byRule(annotations, 'IAC003')).toEqual([
      expect.objectContaining({
        path: 'lib/AWS_REGION',
        annotation_level: 'notice',
        message: expect.stringMatching(/^Review requirement changed: the required region in lib\/AWS_REGION goes from us-east-1 to us-west-2; this review keeps the base commit’s value/),
      }),
    ]);
    expect(mock.completion().output.summary).toMatch(/us-east-1/);
  });

  it('a pull request that relaxes the configuration is reviewed with the base one; the head one is read only to report the change', async () => {
    const files: PrFile[] = [
      { path: '.github/iac-review.yml', status: 'modified', content: 'fail_on: notice\nrules:\n  IAC307: "off"\n' },
      { path: 'lib/runner.py', status: 'added', content: '"""Runs."""\nimport sys\n\nexec(sys.argv[1])\n' },
    ];
    const mock = mockFullReview(new GitHubMock(), files, { config: 'fail_on: error\n' });
    // The head's configuration, read at the head commit because the pull request edits it.
    mock.config('fail_on: notice\nrules:\n  IAC307: "off"\n', HEAD_SHA);
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock, unmatched);

    expect(mock.completion()).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const annotations = mock.annotations();
    expect(byRule(annotations, 'IAC307').map((annotation) => annotation.annotation_level)).toEqual(['failure']);
    expect(byRule(annotations, 'IAC003').map((annotation) => annotation.message.split(';')[0])).toEqual([
      'Review requirement changed: `rules` in .github/iac-review.yml goes from {} to {"IAC307":"off"}',
      'Review requirement changed: `fail_on` in .github/iac-review.yml goes from error to notice',
    ]);
  });
});
