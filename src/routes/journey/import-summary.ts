/**
 * /importera: open a summary PDF made by the tool and continue from it. The PDF carries the
 * application as an attachment; a new draft is made from it and the user lands on "check
 * your answers". Nothing is saved unless the file is such a PDF with a valid application.
 * The file is read in the worker pool, with its limits checked before parsing
 * (src/pdf/attachments.ts); a file beyond them gets its own message, never a 5xx.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { parseApplication } from '../../../forms/application.ts';
import type { FieldError } from '../../../forms/page-form.ts';
import type { Lang } from '../../../rules/types.ts';
import { withIds, type DraftApplicationInput } from '../../drafts/draft-data.ts';
import { draftPath, inLang } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { renderForm } from '../../page.ts';
import { refusedAs } from '../../plugins/worker-pool.ts';
import { words } from '../../words/index.ts';

const text = { sv: words.sv.importSummary, en: words.en.importSummary };

function renderPage(reply: FastifyReply, lang: Lang, errors: FieldError[] = []) {
  const t = text[lang];
  return renderForm(reply, 'import-summary.eta', { lang, path: '/importera', title: t.title, text: t, errors, action: inLang('/importera', lang), backHref: inLang('/', lang) });
}

const importSummary: FastifyPluginAsync = async (app) => {
  app.get('/importera', async (request, reply) => renderPage(reply, langOf(request.query)));

  app.post('/importera', async (request, reply) => {
    const lang = langOf(request.query);
    const file = (request.body as { file?: unknown } | undefined)?.file;
    if (!Buffer.isBuffer(file) || file.length === 0) return renderPage(reply, lang, [{ field: 'file', message: text[lang].missing }]);
    const attached = await app.work({ kind: 'readAttachments', bytes: file }).catch(refusedAs('tooHeavy'));
    if (!attached.ok) return renderPage(reply, lang, [{ field: 'file', message: text[lang][attached.problem] }]);
    const parsed = parseApplication(attached.application, lang);
    if (!parsed.ok) return renderPage(reply, lang, [{ field: 'file', message: text[lang].notSummary }]);
    const draft = await app.drafts.create(withIds(parsed.application as unknown as DraftApplicationInput));
    return reply.redirect(inLang(draftPath(draft.id, 'kontrollera'), lang), 303);
  });
};

export default importSummary;
