import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeCsv } from './csv.ts';

test('en cell som börjar med = + - @ TAB eller CR blir ofarlig i kalkylprogrammet', () => {
  const csv = writeCsv([['=1+2', '+A1', '-5', '@SUM(A1)', '\tx', '\rx', 'Team Norr', '1-2']]);
  assert.equal(csv, "\uFEFF'=1+2;'+A1;'-5;'@SUM(A1);'\tx;\"'\rx\";Team Norr;1-2\r\n");
});

test('semikolon, citattecken och radbrytningar i en cell citeras; raderna slutar med CRLF', () => {
  assert.equal(
    writeCsv([
      ['a;b', 'c"d', 'e\nf'],
      ['g', ''],
    ]),
    '\uFEFF"a;b";"c""d";"e\nf"\r\ng;\r\n',
  );
});
