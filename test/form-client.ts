/**
 * Drives the pages as a browser without JavaScript would: keeps the cookies, reads the CSRF
 * token from the page it got, and posts forms urlencoded (or multipart, for a staff list).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export class FormClient {
  private cookies = new Map<string, string>();
  private lastToken = '';

  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse) {
    const setCookie = response.headers['set-cookie'];
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = line.split(';');
      const [name, value] = pair.split('=');
      this.cookies.set(name, value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (token) this.lastToken = token[1];
  }

  private get cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async get(url: string) {
    const response = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader } });
    this.remember(response);
    return response;
  }

  /** Posts the fields with the token from the last page (or `csrf` to override it), with any further `headers`. */
  async post(url: string, fields: Record<string, string | string[]>, { csrf, headers }: { csrf?: string | null; headers?: Record<string, string> } = {}) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    }
    const token = csrf === undefined ? this.lastToken : csrf;
    if (token !== null) body.append('_csrf', token);
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { ...headers, cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    });
    this.remember(response);
    return response;
  }

  /** Sends a staff list as the import page does: a CSV file, pasted rows, or both, multipart with the token from the last page (or `csrf`). */
  async upload(url: string, { file, rows, csrf }: { file?: Buffer | string; rows?: string; csrf?: string | null }) {
    const token = csrf === undefined ? this.lastToken : csrf;
    const form = multipart(token, file === undefined ? undefined : Buffer.from(file), 'personal.csv', {
      fields: rows === undefined ? {} : { rows },
      fileType: 'text/csv',
    });
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: form.payload,
      headers: { cookie: this.cookieHeader, 'content-type': form.contentType },
    });
    this.remember(response);
    return response;
  }

  /** GETs the page (for its token) and posts the form to the same address; returns the POST's response. */
  async submit(url: string, fields: Record<string, string | string[]>) {
    await this.get(url);
    return this.post(url, fields);
  }
}

/** A multipart form as a browser sends it: the CSRF token, any text fields, then at most one file. */
export function multipart(
  token: string | null,
  file: Buffer | undefined,
  fileName = 'sammanstallning.pdf',
  { fields = {}, fileType = 'application/pdf' }: { fields?: Record<string, string>; fileType?: string } = {},
) {
  const boundary = '----sst-bidrag-test';
  const parts: Buffer[] = [];
  const field = (name: string, value: string) => parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (token !== null) field('_csrf', token);
  for (const [name, value] of Object.entries(fields)) field(name, value);
  if (file !== undefined) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${fileType}\r\n\r\n`),
      file,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
