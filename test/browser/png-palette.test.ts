/** The screenshot shrinker: every PNG filter decoded, exact below 256 colours, nearest colour above. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync, inflateSync } from 'node:zlib';
import { toPalettePng } from './png-palette.ts';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body, Buffer.alloc(4)]); // the decoder does not check CRCs
}

/** An RGB(A) PNG whose row y uses filter y % 5, so every filter type is exercised. */
function encode(width: number, height: number, channels: 3 | 4, pixel: (x: number, y: number) => number[]): Buffer {
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) pixels.set(pixel(x, y), y * stride + x * channels);
  const rows = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y += 1) {
    const filter = y % 5;
    rows[y * (stride + 1)] = filter;
    for (let i = 0; i < stride; i += 1) {
      const at = (dy: number, dx: number) => (y + dy >= 0 && i + dx >= 0 ? pixels[(y + dy) * stride + i + dx]! : 0);
      const a = at(0, -channels);
      const b = at(-1, 0);
      const c = at(-1, -channels);
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      rows[y * (stride + 1) + 1 + i] = (pixels[y * stride + i]! - predictor) & 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, channels === 3 ? 2 : 6, 0, 0, 0], 8);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** A palette PNG's pixels as RGB triples, checking its structure and CRCs on the way. */
function decodePalette(png: Buffer): { width: number; height: number; rgb: number[][] } {
  assert.ok(png.subarray(0, 8).equals(SIGNATURE));
  const chunks = new Map<string, Buffer>();
  for (let pos = 8; pos < png.length; ) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    chunks.set(type, png.subarray(pos + 8, pos + 8 + length));
    const crc = png.readUInt32BE(pos + 8 + length);
    assert.equal(crc, crc32(png.subarray(pos + 4, pos + 8 + length)), `CRC of ${type}`);
    pos += 12 + length;
  }
  const header = chunks.get('IHDR')!;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  assert.deepEqual([...header.subarray(8)], [8, 3, 0, 0, 0]);
  const palette = chunks.get('PLTE')!;
  const rows = inflateSync(chunks.get('IDAT')!);
  const rgb: number[][] = [];
  for (let y = 0; y < height; y += 1) {
    assert.equal(rows[y * (width + 1)], 0);
    for (let x = 0; x < width; x += 1) {
      const index = rows[y * (width + 1) + 1 + x]!;
      assert.ok(index * 3 < palette.length);
      rgb.push([...palette.subarray(index * 3, index * 3 + 3)]);
    }
  }
  assert.ok(chunks.has('IEND'));
  return { width, height, rgb };
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

test('an image of up to 256 colours comes out pixel for pixel, RGB and RGBA, through every filter', () => {
  const colour = (x: number, y: number) => [(x * 37) & 255, (y * 53) & 255, ((x + y) * 11) & 255];
  for (const channels of [3, 4] as const) {
    const png = encode(16, 11, channels, (x, y) => (channels === 3 ? colour(x, y) : [...colour(x, y), 255]));
    const result = toPalettePng(png);
    assert.equal(result.exact, true);
    const { width, height, rgb } = decodePalette(result.png);
    assert.deepEqual([width, height], [16, 11]);
    for (let y = 0; y < 11; y += 1) for (let x = 0; x < 16; x += 1) assert.deepEqual(rgb[y * 16 + x], colour(x, y), `pixel ${x},${y}`);
  }
});

test('above 256 colours the 256 most common stay exact and the rest take the nearest of them', () => {
  // 256 colours, each twice, fill most of the picture; the last row has 16 rare colours of its own.
  const common = (x: number, y: number) => [x * 16, (y % 16) * 16, 128];
  const png = encode(16, 33, 3, (x, y) => (y < 32 ? common(x, y) : [x * 16 + 3, 5, 130]));
  const result = toPalettePng(png);
  assert.equal(result.exact, false);
  assert.equal(result.colours, 256 + 16);
  const { rgb } = decodePalette(result.png);
  for (let y = 0; y < 32; y += 1) for (let x = 0; x < 16; x += 1) assert.deepEqual(rgb[y * 16 + x], common(x, y));
  for (let x = 0; x < 16; x += 1) assert.deepEqual(rgb[32 * 16 + x], [x * 16, 0, 128], `rare pixel ${x} takes its nearest colour`);
});

test('a transparent pixel or another kind of PNG is refused, not mangled', () => {
  assert.throws(() => toPalettePng(encode(2, 2, 4, () => [0, 0, 0, 128])), /transparent/);
  assert.throws(() => toPalettePng(Buffer.from('not a png')), /not a PNG/);
});
