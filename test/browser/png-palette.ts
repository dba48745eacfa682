/**
 * Makes a browser screenshot small enough to keep in the repository: re-encodes an 8-bit RGB(A)
 * PNG as a palette PNG of at most 256 colours, the way pngquant does for web images, with only
 * node:zlib.
 *
 * Chromium's PNG of a long text page is RGB, about 570 kB for the result page at 1000 px; the
 * same picture as a palette is under half that. A page of text has few real colours and many
 * anti-aliasing shades between them: the 256 most common colours are kept exactly and every
 * other pixel takes the nearest of them, which shifts only the odd edge pixel. An image with 256
 * colours or fewer comes out unchanged, pixel for pixel.
 */
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The result, and how many colours the picture had before. */
export interface PaletteResult {
  png: Buffer;
  colours: number;
  exact: boolean;
}

export function toPalettePng(png: Buffer): PaletteResult {
  const { width, height, channels, pixels } = decode(png);

  const colourOf = new Uint32Array(width * height);
  const counts = new Map<number, number>();
  for (let i = 0, p = 0; i < colourOf.length; i += 1, p += channels) {
    if (channels === 4 && pixels[p + 3] !== 255) throw new Error('toPalettePng: the image has transparent pixels');
    const colour = (pixels[p]! << 16) | (pixels[p + 1]! << 8) | pixels[p + 2]!;
    colourOf[i] = colour;
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }

  const palette = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, 256)
    .map(([colour]) => colour);
  const indexOf = new Map(palette.map((colour, i) => [colour, i]));
  const nearest = (colour: number): number => {
    let best = 0;
    let bestDistance = Infinity;
    for (let i = 0; i < palette.length; i += 1) {
      const dr = ((colour >> 16) & 255) - ((palette[i]! >> 16) & 255);
      const dg = ((colour >> 8) & 255) - ((palette[i]! >> 8) & 255);
      const db = (colour & 255) - (palette[i]! & 255);
      const distance = 2 * dr * dr + 4 * dg * dg + 3 * db * db; // rough weights for the eye
      if (distance < bestDistance) [best, bestDistance] = [i, distance];
    }
    indexOf.set(colour, best);
    return best;
  };

  // One filter byte (0, none: best for palette images) and one index byte per pixel on each row.
  const rows = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y += 1) {
    const row = y * (width + 1);
    for (let x = 0; x < width; x += 1) {
      const colour = colourOf[y * width + x]!;
      rows[row + 1 + x] = indexOf.get(colour) ?? nearest(colour);
    }
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8-bit indices, colour type 3 (palette), no interlace
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((colour, i) => {
    plte.set([(colour >> 16) & 255, (colour >> 8) & 255, colour & 255], i * 3);
  });
  return {
    png: Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('PLTE', plte), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]),
    colours: counts.size,
    exact: counts.size <= 256,
  };
}

/** The pixels of a non-interlaced 8-bit RGB or RGBA PNG, as Chromium writes its screenshots. */
function decode(png: Buffer): { width: number; height: number; channels: 3 | 4; pixels: Buffer } {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('toPalettePng: not a PNG');
  let width = 0;
  let height = 0;
  let channels: 3 | 4 | undefined;
  const data: Buffer[] = [];
  for (let pos = 8; pos + 8 <= png.length; ) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + length);
    pos += 12 + length;
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [bitDepth, colourType, , , interlace] = body.subarray(8, 13);
      if (bitDepth !== 8 || interlace !== 0 || (colourType !== 2 && colourType !== 6)) {
        throw new Error(`toPalettePng: only 8-bit, non-interlaced RGB or RGBA (bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace})`);
      }
      channels = colourType === 2 ? 3 : 4;
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
  }
  if (!channels) throw new Error('toPalettePng: no IHDR');

  const stride = width * channels;
  const filtered = inflateSync(Buffer.concat(data));
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = filtered[y * (stride + 1)];
    const line = y * (stride + 1) + 1;
    const row = y * stride;
    const above = row - stride;
    for (let x = 0; x < stride; x += 1) {
      const a = x >= channels ? pixels[row + x - channels]! : 0;
      const b = y > 0 ? pixels[above + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[above + x - channels]! : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = a;
          break;
        case 2:
          predictor = b;
          break;
        case 3:
          predictor = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`toPalettePng: unknown filter ${filter} on row ${y}`);
      }
      pixels[row + x] = (filtered[line + x]! + predictor) & 255;
    }
  }
  return { width, height, channels, pixels };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 255]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Buffer): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  body.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}
