/** What the command line reads: a file or standard input as text, and that text as JSON. */
import { readFile } from 'node:fs/promises';
import type { CliWords } from './output.ts';

/** Input that cannot be read as applications at all; the message is the user's. */
export class UnreadableInput extends Error {}

/** The file's text (`-`: standard input), without a BOM; `name` is the file as the messages call it. */
export async function readText(file: string, stdin: NodeJS.ReadableStream, name: string, m: CliWords): Promise<string> {
  try {
    const bytes = file === '-' ? await readAll(stdin) : await readFile(file);
    return bytes.toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const notFound = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UnreadableInput(notFound ? m.notFound(name) : m.unreadable(name));
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export function parseJson(text: string, name: string, m: CliWords): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UnreadableInput(m.notJson(name));
  }
}
