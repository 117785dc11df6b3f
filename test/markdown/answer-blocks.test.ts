/**
 * Markdown answers as people write them: fences glued to code, fences forgotten, `'''` used
 * as a fence, files named by headings, labels and comments, Python pasted without a fence.
 */
import { describe, expect, it } from 'vitest';
import { extractCodeBlocks } from '../../src/markdown/code-blocks.js';
import { namedFile, normalizePath } from '../../src/markdown/block-files.js';
import { markdownPython } from '../../src/python/markdown-python.js';
import { codeEnd, isProseLine } from '../../src/python/code-extent.js';

const summary = (text: string) => markdownPython(text).blocks.map((block) => ({ line: block.lineOffset + 1, code: block.code, ending: block.ending, file: block.file }));

describe('fence repairs', () => {
  it('a closing fence glued to the last code line ends the block, and the next block is read as written', () => {
    const text = '```python\nx = f(\n    1)```\n\nText.\n\n```python\ny = 2\n```\n';
    expect(extractCodeBlocks(text).map((block) => [block.language, block.code, block.ending])).toEqual([
      ['python', 'x = f(\n    1)\n', 'glued-fence'],
      ['python', 'y = 2\n', 'fence'],
    ]);
  });

  it('an opening fence inside a block means the block was never closed', () => {
    const text = '```python\nx = 1\n\n```bash\npulumi up\n```\n';
    expect(extractCodeBlocks(text).map((block) => [block.language, block.code, block.closed])).toEqual([
      ['python', 'x = 1\n\n', false],
      ['bash', 'pulumi up\n', true],
    ]);
  });

  it('nested fences in a markdown block are its content, not repairs', () => {
    const text = '````markdown\n# README\n```bash\nls\n```\n````\n';
    expect(extractCodeBlocks(text).map((block) => [block.language, block.ending])).toEqual([['markdown', 'fence']]);
  });

  it('language tags are read like GitHub reads them', () => {
    const text = '```Python\nx = 1\n```\n\n``` {.py}\ny = 2\n```\n\n```python title="tap.py"\nz = 3\n```\n';
    expect(extractCodeBlocks(text).map((block) => block.language)).toEqual(['python', 'py', 'python']);
  });
});

describe('where Python code ends', () => {
  it('prose after a block that is never closed ends it; the prose is read as Markdown again', () => {
    const text = '```python\nimport pulumi\nx = 1\n\nThis program exports one value.\n\n```bash\npulumi up\n```\n';
    expect(summary(text)).toEqual([{ line: 2, code: 'import pulumi\nx = 1\n\n', ending: 'prose', file: undefined }]);
    expect(extractCodeBlocks(text).map((block) => [block.language, block.code]).at(-1)).toEqual(['bash', 'pulumi up\n']);
  });

  it("`'''` standing for the closing fence ends the block", () => {
    const text = "```python\nimport pulumi\nx = 1\n'''\n\n## Deployment\n\nRun it with pulumi up.\n";
    expect(summary(text)).toEqual([{ line: 2, code: 'import pulumi\nx = 1\n', ending: 'quotes', file: undefined }]);
  });

  it("a `'''` that closes a string is code", () => {
    const code = "handler = '''\ndef main(event, context):\n    return 1\n'''\n\nprint(handler)\n";
    expect(codeEnd(code)).toBeUndefined();
  });

  it('a heading right before the prose belongs to the prose', () => {
    expect(codeEnd('x = 1\n\n## Notes\nThe stack needs a region.\n')).toEqual({ line: 2, kind: 'prose' });
  });

  it('lines inside brackets and strings are never prose', () => {
    expect(codeEnd('tags = {\n\nThis is text in a dict\n}\ndoc = """\n\nThis is a docstring line\n"""\n')).toBeUndefined();
  });

  it('tells sentences and Markdown from Python statements', () => {
    for (const prose of ['This implementation provides:', "Here's how to deploy it", '- **VPC** with two subnets', '1. Install Pulumi', '| Rule | Fix |', '---', 'Key features of the stack are:']) {
      expect(isProseLine(prose), prose).toBe(true);
    }
    for (const code of ['import pulumi', 'x = 1', 'stack = TapStack("t")', 'class TapStack(ComponentResource):', 'Note: str', 'value if ready else default', 'print "x"', '-x', 'return result']) {
      expect(isProseLine(code), code).toBe(false);
    }
  });
});

describe('files named by the answer', () => {
  it('reads headings, labels and first-line comments', () => {
    const text = [
      '## File: lib\\tap_stack.py', '', '```python', 'x = 1', '```', '',
      '**tests/unit/test_tap_stack.py**', '```python', 'def test_x():', '    assert True', '```', '',
      '```python', '# lib/components/network.py', 'y = 2', '```', '',
      '### 4. Main program (`__main__.py`)', '```python', 'import pulumi', '```', '',
      'Some unrelated heading', '', '```python', 'z = 3', '```',
    ].join('\n');
    expect(summary(text).map((block) => block.file)).toEqual(['lib/tap_stack.py', 'tests/unit/test_tap_stack.py', 'lib/components/network.py', '__main__.py', undefined]);
  });

  it('undoes Markdown escapes and Windows separators', () => {
    expect(normalizePath('lib\\*\\*init\\*\\*.py')).toBe('lib/__init__.py');
    expect(normalizePath('lib\\infrastructure\\vpc.py')).toBe('lib/infrastructure/vpc.py');
    expect(normalizePath('./tap.py')).toBe('tap.py');
  });

  it('a heading further up names a section, not the block', () => {
    const lines = ['## lib/tap_stack.py', '', '### Notes', '', '```python'];
    expect(namedFile(lines, 4, 'x = 1')).toBeUndefined();
  });

  it('a sentence naming a data file does not make a Python block data', () => {
    expect(summary('Here is the code that reads `config.json`:\n\n```python\nimport json\n```\n').map((block) => block.file)).toEqual([undefined]);
  });

  it('a Python fence holding a file the answer names as requirements.txt is not Python', () => {
    expect(summary('## File: lib/requirements.txt\n\n```python\nboto3>=1.28.0\n```\n')).toEqual([]);
  });

  it('a block shown as the wrong way to do it is left out', () => {
    expect(summary('**Incorrect:**\n\n```python\nx = f(...)\n```\n\n```python\n# WRONG: nested outputs\ny = g(...)\n```\n')).toEqual([]);
  });
});

describe('Python outside any fence', () => {
  it('an answer that is plainly code is read as one Python unit', () => {
    const text = 'Here is the program.\n\nmain.py\n"""Stack."""\nimport pulumi\nimport pulumi_aws as aws\n\nbucket = aws.s3.Bucket("b")\npulumi.export("b", bucket.id)\n\nThis creates one bucket.\n';
    expect(summary(text)).toEqual([{ line: 4, code: '"""Stack."""\nimport pulumi\nimport pulumi_aws as aws\n\nbucket = aws.s3.Bucket("b")\npulumi.export("b", bucket.id)\n\n', ending: 'unfenced', file: 'main.py' }]);
  });

  it('prose that mentions an import is not code', () => {
    expect(summary('# Notes\n\nimport statements go first.\nfrom here on we explain.\n')).toEqual([]);
  });

  it('an untagged block that starts a Python module is Python', () => {
    expect(summary('```\nimport pulumi\nx = 1\n```\n\n```\nlib/\n  tap_stack.py\n```\n').map((block) => block.line)).toEqual([2]);
  });
});
