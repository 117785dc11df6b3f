/**
 * A crafted slow review for the App's limits: files of ordinary Pulumi code, each long enough
 * that the engine works on them for a while (the full set takes 10-30 s on two cores), so a
 * review of them is still running when a short deadline or a small heap stops it, on any
 * machine the tests run on. Nothing in them depends on a particular slow spot in the engine.
 */
export function slowFile(index: number, lines = 1000): string {
  const body = Array.from({ length: lines }, (_, line) => `    bucket_${line} = aws.s3.Bucket(f"b-{name}-${line}", acl="public-read", tags={"n": "${index}-${line}"})\n`).join('');
  return `"""Stack ${index}."""\nimport pulumi\nimport pulumi_aws as aws\n\n\ndef build_${index}(name):\n    """Builds the buckets."""\n${body}`;
}

/** Paths and contents of the slow files: `lib/slow_<n>.py`. */
export function slowFiles(count = 40): { path: string; content: string }[] {
  return Array.from({ length: count }, (_, index) => ({ path: `lib/slow_${index}.py`, content: slowFile(index) }));
}
