import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.js';

// csv-parse does the reading; these pin down the options we give it and the line we name.
describe('readCsv', () => {
  it('reads plain, quoted and empty fields with CRLF and LF mixed, naming the line each record starts on', () => {
    expect(readCsv('a,b,c\r\n1,"x, y",\n"say ""hi""",2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', ''] },
      { line: 3, fields: ['say "hi"', '2', '3'] },
    ]);
  });
  it('keeps line breaks inside quotes and counts them, skips blank lines and a BOM, allows short and long rows', () => {
    expect(readCsv('\ufeffh1,h2\n"two\nlines",z\n\nlast\n"three\r\nlines\n",4,5')).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['two\nlines', 'z'] },
      { line: 5, fields: ['last'] },
      { line: 6, fields: ['three\r\nlines\n', '4', '5'] },
    ]);
    // csv-parse alone would count a quoted CRLF as two lines: the next record is still on line 4.
    expect(readCsv('a\r\n"x\r\ny",1\r\nb\r\n"bare\rreturn"\nc').map((r) => r.line)).toEqual([1, 2, 4, 5, 6]);
  });
  it('refuses an unclosed quote and text after a closing quote, naming the line', () => {
    expect(() => readCsv('a,"open\n')).toThrow(/Quote Not Closed.*line 1/);
    expect(() => readCsv('a\n"x"y,1\n')).toThrow(/Invalid Closing Quote.*line 2/);
  });
});
