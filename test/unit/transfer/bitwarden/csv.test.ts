// Runs in: tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../../../../electron/core/transfer/bitwarden/csv.ts';

test('CSV fields with commas, doubled quotes and line breaks, CRLF rows, and a trailing newline', () => {
  assert.deepEqual(parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n,,\n'), [
    ['a', 'b', 'c'],
    ['x, y', 'say "hi"', 'two\nlines'],
    ['', '', ''],
  ]);
});

test('a quoted field that never closes is a truncated file', () => {
  assert.equal(parseCsv('a,b\n"unfinished,x'), null);
});
