/**
 * A small flow layout for A4 documents: a cursor moves down the page, starts a new page when
 * the next block does not fit, and draws the running header on each new page. Text wraps
 * inside its width; tables break across pages and repeat their header row. Page numbers
 * ("Sida 1 av N") are drawn by `finish`, once the number of pages is known.
 */
import { rgb, type PDFDocument, type PDFPage, type RGB } from 'pdf-lib';
import type { Typeface, Typefaces } from './fonts.ts';

export const A4: [number, number] = [595.28, 841.89];

export const colors = {
  text: rgb(0.11, 0.11, 0.13),
  muted: rgb(0.36, 0.37, 0.4),
  accent: rgb(0.07, 0.24, 0.43),
  rule: rgb(0.78, 0.8, 0.83),
  headerFill: rgb(0.92, 0.94, 0.96),
  zebra: rgb(0.975, 0.98, 0.985),
  bad: rgb(0.66, 0.1, 0.1),
  warn: rgb(0.55, 0.33, 0.0),
  good: rgb(0.1, 0.42, 0.2),
};

const LEADING = 1.32;
/** Body text size. */
const BODY_SIZE = 10;
/** A line of body text: what a content module counts in when it keeps a heading with the lines after it. */
export const BODY_LINE_HEIGHT = BODY_SIZE * LEADING;
const graphemes = new Intl.Segmenter('sv', { granularity: 'grapheme' });

/**
 * Breaks text into lines no wider than `width`: at spaces, at "\n", and inside a word only
 * when the word alone is too wide (between graphemes, so accents stay on their letters).
 * The text must already be prepared by the typeface.
 */
export function wrapText(face: Typeface, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  const space = face.width(' ', size);
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(' ')) {
      const wordWidth = face.width(word, size);
      if (line !== '' && lineWidth + space + wordWidth <= width) {
        line += ` ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line !== '') lines.push(line);
      if (wordWidth <= width) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      // A word wider than the column: split it, keeping the last piece to continue on.
      const pieces = breakWord(face, word, size, width);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1];
      lineWidth = face.width(line, size);
    }
    lines.push(line);
  }
  return lines;
}

function breakWord(face: Typeface, word: string, size: number, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of graphemes.segment(word)) {
    if (piece !== '' && face.width(piece + segment, size) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += segment;
  }
  pieces.push(piece);
  return pieces;
}

/** Shortens prepared text to fit `width`, ending with "…". */
export function truncate(face: Typeface, text: string, size: number, width: number): string {
  const oneLine = text.replace(/\n/g, ' ');
  if (face.width(oneLine, size) <= width) return oneLine;
  const parts = [...graphemes.segment(oneLine)].map((s) => s.segment);
  let low = 0;
  let high = parts.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (face.width(`${parts.slice(0, mid).join('')}…`, size) <= width) low = mid;
    else high = mid - 1;
  }
  return `${parts.slice(0, low).join('').trimEnd()}…`;
}

export interface TextStyle {
  bold?: boolean;
  size?: number;
  color?: RGB;
}

export interface Column {
  header: string;
  /** Relative width; the columns share the text width in these proportions. */
  width: number;
  align?: 'left' | 'right';
}

export type Cell = string | ({ text: string } & TextStyle);

export interface PageDecoration {
  header(page: PDFPage, cursor: Cursor): void;
  footer(page: PDFPage, cursor: Cursor, number: number, count: number): void;
}

export class Cursor {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  readonly left = 42;
  readonly right = A4[0] - 42;
  readonly top = A4[1] - 64;
  readonly bottom = 58;
  readonly width = this.right - this.left;
  readonly size = BODY_SIZE;

  constructor(
    private readonly doc: PDFDocument,
    readonly faces: Typefaces,
    private readonly decoration: PageDecoration,
  ) {
    this.newPage();
  }

  face(style: TextStyle = {}): Typeface {
    return style.bold ? this.faces.bold : this.faces.regular;
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = this.top;
    this.decoration.header(this.page, this);
  }

  /** Starts a new page unless `height` fits above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < this.bottom) this.newPage();
  }

  lineHeight(size: number): number {
    return size * LEADING;
  }

  /** Draws one line of prepared text with its top at `top`. */
  drawLine(text: string, x: number, top: number, style: TextStyle = {}, page = this.page): void {
    if (text === '') return;
    const size = style.size ?? this.size;
    page.drawText(text, {
      x,
      y: top - size * 0.98,
      size,
      font: this.face(style).pdfFont,
      color: style.color ?? colors.text,
    });
  }

  /** Wrapped text at the cursor, moving the cursor down; breaks pages between lines. */
  paragraph(text: string, style: TextStyle & { after?: number } = {}): void {
    const size = style.size ?? this.size;
    const face = this.face(style);
    const lineHeight = this.lineHeight(size);
    const lines = wrapText(face, face.prepare(text), size, this.width);
    if (lines.length <= 3) this.ensure(lines.length * lineHeight); // a short paragraph stays whole
    for (const line of lines) {
      this.ensure(lineHeight);
      this.drawLine(line, this.left, this.y, style);
      this.y -= lineHeight;
    }
    this.y -= style.after ?? size * 0.5;
  }

  /** A heading, kept on the same page as at least `keep` points of what follows. */
  heading(text: string, level: 1 | 2 | 3, keep = 60): void {
    const heading = this.measureHeading(text, level);
    this.ensure(heading.height + keep);
    this.drawHeading(heading);
  }

  private measureHeading(text: string, level: 1 | 2 | 3) {
    const size = level === 1 ? 17 : level === 2 ? 12.5 : 11;
    const face = this.faces.bold;
    const lines = wrapText(face, face.prepare(text), size, this.width);
    const before = level === 1 ? 0 : level === 2 ? 10 : 6;
    const after = level === 2 ? 6 : level === 1 ? 8 : 3;
    return { level, size, lines, before, after, height: before + lines.length * this.lineHeight(size) + after };
  }

  private drawHeading({ level, size, lines, before, after }: ReturnType<Cursor['measureHeading']>): void {
    if (this.y < this.top) this.y -= before;
    for (const line of lines) {
      this.drawLine(line, this.left, this.y, { bold: true, size, color: colors.accent });
      this.y -= this.lineHeight(size);
    }
    if (level === 2) this.page.drawLine({ start: { x: this.left, y: this.y + 2 }, end: { x: this.right, y: this.y + 2 }, thickness: 0.6, color: colors.rule });
    this.y -= after;
  }

  /** Label–value pairs in two columns; the values wrap. */
  fields(rows: Array<[string, string]>, labelWidth = 200): void {
    const size = this.size;
    const lineHeight = this.lineHeight(size);
    for (const [label, value] of rows) {
      const labels = wrapText(this.faces.regular, this.faces.regular.prepare(label), size, labelWidth - 8);
      const values = wrapText(this.faces.regular, this.faces.regular.prepare(value), size, this.width - labelWidth);
      const count = Math.max(labels.length, values.length);
      for (let i = 0; i < count; i++) {
        this.ensure(lineHeight);
        this.drawLine(labels[i] ?? '', this.left, this.y, { color: colors.muted });
        this.drawLine(values[i] ?? '', this.left + labelWidth, this.y);
        this.y -= lineHeight;
      }
      this.y -= 1.5;
    }
    this.y -= size * 0.4;
  }

  /** Items with a marker: a bullet, or an empty box to tick. */
  list(items: string[], marker: 'bullet' | 'box' = 'bullet'): void {
    const size = this.size;
    const indent = 16;
    const lineHeight = this.lineHeight(size);
    for (const item of items) {
      const lines = wrapText(this.faces.regular, this.faces.regular.prepare(item), size, this.width - indent);
      // An item of a few lines (an address broken over lines, say) stays on one page; a longer one keeps two lines together.
      this.ensure((lines.length <= 4 ? lines.length : 2) * lineHeight);
      if (marker === 'box') {
        this.page.drawRectangle({
          x: this.left + 1,
          y: this.y - size * 0.92,
          width: size * 0.8,
          height: size * 0.8,
          borderColor: colors.text,
          borderWidth: 0.7,
        });
      } else {
        this.page.drawCircle({ x: this.left + 4, y: this.y - size * 0.58, size: 1.6, color: colors.text });
      }
      lines.forEach((line, i) => {
        if (i > 0) this.ensure(lineHeight);
        this.drawLine(line, this.left + indent, this.y);
        this.y -= lineHeight;
      });
      this.y -= 3;
    }
    this.y -= size * 0.3;
  }

  /**
   * A table across the text width. A row that does not fit moves to the next page whole;
   * a row taller than a page is split between lines. The header row is repeated at the top
   * of every page the table continues on.
   */
  table(columns: Column[], rows: Cell[][], options: { size?: number; title?: string } = {}): void {
    const size = options.size ?? 8;
    const lineHeight = this.lineHeight(size);
    const padX = 3;
    const padY = 3;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const layoutRow = (cells: Cell[], bold = false) =>
      cells.map((cell, i) => {
        const style: TextStyle = typeof cell === 'string' ? { bold } : { bold, ...cell };
        const face = this.face(style);
        const text = typeof cell === 'string' ? cell : cell.text;
        return { style: { ...style, size }, lines: wrapText(face, face.prepare(text), size, widths[i] - 2 * padX) };
      });
    const header = layoutRow(
      columns.map((c) => c.header),
      true,
    );
    const headerHeight = Math.max(...header.map((c) => c.lines.length)) * lineHeight + 2 * padY;

    const drawCells = (cells: ReturnType<typeof layoutRow>, from: number, count: number) => {
      cells.forEach((cell, i) => {
        cell.lines.slice(from, from + count).forEach((line, n) => {
          const face = this.face(cell.style);
          const x = columns[i].align === 'right' ? xs[i] + widths[i] - padX - face.width(line, size) : xs[i] + padX;
          this.drawLine(line, x, this.y - padY - n * lineHeight, cell.style);
        });
      });
    };
    const drawHeader = () => {
      this.page.drawRectangle({ x: this.left, y: this.y - headerHeight, width: this.width, height: headerHeight, color: colors.headerFill });
      drawCells(header, 0, header[0].lines.length + 99);
      this.y -= headerHeight;
      this.page.drawLine({ start: { x: this.left, y: this.y }, end: { x: this.right, y: this.y }, thickness: 0.8, color: colors.muted });
    };
    const pageRows = Math.floor((this.top - this.bottom - headerHeight - 2 * padY) / lineHeight);

    // The title, the header row and the first row (or its first lines) start on one page.
    const first = rows[0] ? layoutRow(rows[0]) : [];
    const firstLines = Math.max(1, ...first.map((c) => c.lines.length));
    const title = options.title === undefined ? undefined : this.measureHeading(options.title, 3);
    this.ensure((title?.height ?? 0) + headerHeight + (firstLines <= pageRows ? firstLines : 3) * lineHeight + 2 * padY);
    if (title) this.drawHeading(title);
    drawHeader();
    rows.forEach((row, r) => {
      const cells = r === 0 ? first : layoutRow(row);
      const lineCount = Math.max(1, ...cells.map((c) => c.lines.length));
      let done = 0;
      while (done < lineCount) {
        const left = lineCount - done;
        const fit = Math.floor((this.y - this.bottom - 2 * padY) / lineHeight);
        // Keep the row together when a fresh page can hold it; else fill this page first.
        if (fit < left && (left <= pageRows || fit < 2)) {
          this.newPage();
          drawHeader();
          continue;
        }
        const count = Math.min(fit, left);
        const height = count * lineHeight + 2 * padY;
        if (r % 2 === 1) this.page.drawRectangle({ x: this.left, y: this.y - height, width: this.width, height, color: colors.zebra });
        drawCells(cells, done, count);
        this.y -= height;
        this.page.drawLine({ start: { x: this.left, y: this.y }, end: { x: this.right, y: this.y }, thickness: 0.4, color: colors.rule });
        done += count;
        if (done < lineCount) {
          this.newPage();
          drawHeader();
        }
      }
    });
    this.y -= 10;
  }

  /**
   * Signature lines for each party, side by side: the party and who it is (at most two lines;
   * the full names are given earlier in the document), then a line to sign on and the printed
   * name and the date side by side below.
   */
  signatures(parties: Array<{ title: string; who: string }>, heading: string): void {
    const gap = 28;
    const columnWidth = (this.width - gap * (parties.length - 1)) / parties.length;
    const lineHeight = this.lineHeight(this.size);
    const shown = parties.map((p) => ({ title: p.title, who: this.nameLines(p.who, columnWidth) }));
    const rowHeight = 34;
    const height = (1 + Math.max(...shown.map((p) => p.who.length))) * lineHeight + 2 * rowHeight;
    this.heading(heading, 2, height);
    const top = this.y;
    shown.forEach((party, i) => {
      const x = this.left + i * (columnWidth + gap);
      let y = top;
      this.drawLine(this.faces.bold.prepare(party.title), x, y, { bold: true });
      for (const line of party.who) {
        y -= lineHeight;
        this.drawLine(line, x, y, { color: colors.muted });
      }
      y -= lineHeight;
      const nameWidth = columnWidth * 0.62;
      const fields = [
        [{ label: 'Underskrift', x, width: columnWidth }],
        [
          { label: 'Namnförtydligande', x, width: nameWidth },
          { label: 'Datum', x: x + nameWidth + 12, width: columnWidth - nameWidth - 12 },
        ],
      ];
      for (const row of fields) {
        y -= rowHeight - 12;
        for (const field of row) {
          this.page.drawLine({ start: { x: field.x, y }, end: { x: field.x + field.width, y }, thickness: 0.7, color: colors.text });
          this.drawLine(field.label, field.x, y - 3, { size: 8.5, color: colors.muted });
        }
        y -= 12;
      }
    });
    this.y = top - height - 10;
  }

  private nameLines(value: string, width: number): string[] {
    const face = this.faces.regular;
    const lines = wrapText(face, face.prepare(value), this.size, width);
    if (lines.length <= 2) return lines;
    return [lines[0], truncate(face, `${lines[1]} ${lines[2]}`, this.size, width)];
  }

  /** Draws the footers, now that the number of pages is known. */
  finish(): void {
    this.pages.forEach((page, i) => {
      this.decoration.footer(page, this, i + 1, this.pages.length);
    });
  }
}

/**
 * A document's content as data, in reading order: what a content module (the words and their
 * order) hands to the layout engine, which alone decides where each block goes.
 */
export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 | 3; keep?: number }
  | { kind: 'fields'; rows: Array<[string, string]> }
  | { kind: 'paragraph'; text: string; style?: TextStyle }
  | { kind: 'list'; items: string[]; marker?: 'bullet' | 'box' }
  | { kind: 'table'; columns: Column[]; rows: Cell[][]; size?: number; title?: string }
  | { kind: 'signatures'; heading: string; parties: Array<{ title: string; who: string }> };

export function drawBlocks(cursor: Cursor, blocks: Block[]): void {
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        cursor.heading(block.text, block.level, block.keep);
        break;
      case 'fields':
        cursor.fields(block.rows);
        break;
      case 'paragraph':
        cursor.paragraph(block.text, block.style);
        break;
      case 'list':
        cursor.list(block.items, block.marker);
        break;
      case 'table':
        cursor.table(block.columns, block.rows, { size: block.size, title: block.title });
        break;
      case 'signatures':
        cursor.signatures(block.parties, block.heading);
        break;
    }
  }
}
