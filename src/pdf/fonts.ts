/**
 * DejaVu Sans (regular and bold) for the PDFs, read and parsed once per process. Every string
 * drawn passes through `Typeface.prepare`, which makes sure nothing a user typed can vanish or
 * break generation: a character the font cannot draw, a control character or an invisible
 * format character is replaced by a visible U+FFFD and reported.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { Font as FontkitFont } from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

const require = createRequire(import.meta.url);
const fontFile = (name: string) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`);

/** Drawn instead of a character the document cannot show. */
export const REPLACEMENT = '\uFFFD';

/**
 * OpenType features for layout. pdf-lib draws glyph ids at their advance widths and ignores
 * positioning, so kerning and mark positioning are switched off (they only cost time).
 * Ligatures and glyph composition are off so that every glyph maps back to the characters
 * typed: "fi" stays two glyphs, and the text copied out of the PDF is the text put in.
 * Shaping that a script needs (Arabic joining forms, rlig) stays on.
 */
export const layoutFeatures = () => ({ kern: false, mark: false, mkmk: false, liga: false, clig: false, dlig: false, ccmp: false });

interface LoadedFont {
  bytes: Uint8Array;
  font: FontkitFont;
}

let loading: Promise<{ regular: LoadedFont; bold: LoadedFont }> | undefined;

async function load(name: string): Promise<LoadedFont> {
  const bytes = new Uint8Array(await readFile(fontFile(name)));
  const font = fontkit.create(bytes);
  font.layout('Åäö 0', layoutFeatures()); // decodes the tables the layout needs, once
  withDirectLayout(font);
  return { bytes, font };
}

/**
 * Text in these ranges (Latin, Greek, Cyrillic, common punctuation and symbols, no marks)
 * needs no shaping: with the features above, fontkit maps it to the font's glyph for each
 * character (test/pdf/summary.test.ts checks this for every such character in both fonts).
 */
export const DIRECT =
  /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u024f\u0370-\u03ff\u0400-\u0482\u048a-\u04ff\u2010-\u2027\u2030-\u2043\u2045-\u205e\u20a0-\u20cf\u2100-\u214f\u2190-\u22ff\u25a0-\u25ff\ufffd]*$/;

/**
 * Shaping is most of the cost of a PDF, and the summary is nearly all Swedish text: such text
 * is mapped straight to glyphs, anything else goes through fontkit's full layout. Some of
 * fontkit's shapers (the Universal Shaping Engine, e.g. for Tifinagh) throw in this build
 * ("regeneratorRuntime is not defined"); that text is then drawn unshaped, glyph by glyph,
 * rather than failing the document. pdf-lib reads only `glyphs` from a layout.
 */
function withDirectLayout(font: FontkitFont) {
  const shape = font.layout.bind(font);
  const direct = (text: string) => ({ glyphs: Array.from(text, (char) => font.glyphForCodePoint(char.codePointAt(0)!)) }) as ReturnType<FontkitFont['layout']>;
  font.layout = (text, userFeatures) => {
    if (DIRECT.test(text)) return direct(text);
    try {
      return shape(text, userFeatures);
    } catch {
      return direct(text);
    }
  };
}

/** The font files and their parsed form, loaded on first use and kept for the process. */
function fonts() {
  if (!loading) {
    loading = Promise.all([load('DejaVuSans.ttf'), load('DejaVuSans-Bold.ttf')]).then(([regular, bold]) => ({ regular, bold }));
    loading.catch(() => {
      loading = undefined; // try again next time
    });
  }
  return loading;
}

/** pdf-lib asks fontkit to parse the font for each document; hand it the parsed font instead. */
function cachingFontkit(loaded: LoadedFont[]) {
  return {
    create(bytes: Uint8Array, postscriptName?: string) {
      return loaded.find((l) => l.bytes === bytes)?.font ?? fontkit.create(bytes, postscriptName);
    },
  };
}

const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
const graphemes = new Intl.Segmenter('sv', { granularity: 'grapheme' });
/** Controls, format characters, surrogates, private use, unassigned, and invisible ones. */
const UNDRAWABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}]/u;

/** Widths at size 1 by font: pure, so shared by all documents. */
const widthCaches = new WeakMap<FontkitFont, Map<string, number>>();

/** A font embedded in one document, with its glyph check and a width cache. */
export class Typeface {
  private readonly widths: Map<string, number>;

  constructor(
    readonly pdfFont: PDFFont,
    private readonly font: FontkitFont,
    /** Shared by the document's typefaces: the original characters replaced. */
    private readonly replaced: Set<string>,
  ) {
    let widths = widthCaches.get(font);
    if (!widths) {
      widths = new Map();
      widthCaches.set(font, widths);
    }
    this.widths = widths;
  }

  canDraw(codePoint: number): boolean {
    return this.font.hasGlyphForCodePoint(codePoint);
  }

  /**
   * The text as it will be drawn: line breaks as "\n", tabs as spaces, and every character
   * the font cannot draw (or that would be invisible) as U+FFFD, recorded in `replaced`. Such
   * characters in one grapheme, like the parts of an emoji sequence, give one U+FFFD.
   */
  prepare(text: string): string {
    const normalised = text.replace(LINE_BREAK, '\n').replace(/\t/g, ' ');
    let clean = true;
    for (const char of normalised) {
      if (!this.drawable(char)) {
        clean = false;
        break;
      }
    }
    if (clean) return normalised;
    let out = '';
    for (const { segment } of graphemes.segment(normalised)) {
      let replacing = false;
      for (const char of segment) {
        if (this.drawable(char)) {
          out += char;
          replacing = false;
        } else {
          this.replaced.add(char);
          if (!replacing) out += REPLACEMENT;
          replacing = true;
        }
      }
    }
    return out;
  }

  private drawable(char: string): boolean {
    return char === '\n' || char === ' ' || (!UNDRAWABLE.test(char) && this.canDraw(char.codePointAt(0)!));
  }

  /** Width of prepared text at a size; cached per string, widths scale with the size. */
  width(text: string, size: number): number {
    let unit = this.widths.get(text);
    if (unit === undefined) {
      unit = this.pdfFont.widthOfTextAtSize(text, 1);
      if (this.widths.size > 20_000) this.widths.clear();
      this.widths.set(text, unit);
    }
    return unit * size;
  }

  heightAt(size: number): number {
    return this.pdfFont.heightAtSize(size);
  }
}

export interface Typefaces {
  regular: Typeface;
  bold: Typeface;
  replaced: Set<string>;
  /** Call right before drawing, then draw every text without awaiting anything in between. */
  beginDrawing(): void;
}

/** Embeds DejaVu Sans and DejaVu Sans Bold as subsets in a document. */
export async function embedTypefaces(doc: PDFDocument): Promise<Typefaces> {
  const { regular, bold } = await fonts();
  doc.registerFontkit(cachingFontkit([regular, bold]));
  const [regularFont, boldFont] = await Promise.all([
    doc.embedFont(regular.bytes, { subset: true, features: layoutFeatures() }),
    doc.embedFont(bold.bytes, { subset: true, features: layoutFeatures() }),
  ]);
  const replaced = new Set<string>();
  return {
    regular: new Typeface(regularFont, regular.font, replaced),
    bold: new Typeface(boldFont, bold.font, replaced),
    replaced,
    beginDrawing() {
      forgetGlyphs(regular.font);
      forgetGlyphs(bold.font);
    },
  };
}

/**
 * fontkit keeps one object per glyph, holding the characters of the first text that used it,
 * and the PDF's text map (ToUnicode) is written from those characters. The parsed font is
 * shared between documents, so this cache is emptied before each document draws its text:
 * the bytes then depend on the document's own text alone, not on what was drawn before.
 * The caller draws all its text synchronously after this, so documents never interleave.
 */
function forgetGlyphs(font: FontkitFont) {
  const internal = font as unknown as { _glyphs?: Record<number, unknown> };
  if (internal._glyphs) internal._glyphs = {};
}
