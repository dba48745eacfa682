/**
 * /importera: open a summary PDF made by the tool and continue from it. The PDF carries the
 * application as an attachment; a new draft is made from it and the user lands on "check
 * your answers". Nothing is saved unless the file is such a PDF with a valid application.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { parseApplication } from '../../../forms/application.ts';
import type { FieldError } from '../../../forms/page-form.ts';
import type { Lang } from '../../../rules/types.ts';
import { withIds, type DraftApplicationInput } from '../../drafts/draft-data.ts';
import { draftPath, inLang } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { renderForm } from '../../page.ts';
import { readAttachments } from '../../pdf/summary.ts';

const text = {
  sv: {
    title: 'Öppna en sammanställning',
    lead: 'Har du en sammanställning som PDF från det här verktyget? Den innehåller ansökan, så du kan fortsätta arbeta med den. Ett nytt utkast skapas; filen sparas inte.',
    file: 'Sammanställningen (PDF)',
    open: 'Öppna',
    notSummary: 'Välj en PDF som är en sammanställning från sst-bidrag. Den här filen innehåller ingen ansökan som verktyget kan läsa.',
    missing: 'Välj en fil att öppna.',
  },
  en: {
    title: 'Open a summary',
    lead: 'Do you have a summary PDF from this tool? It contains the application, so you can continue working on it. A new draft is created; the file is not kept.',
    file: 'The summary (PDF)',
    open: 'Open',
    notSummary: 'Choose a PDF that is a summary from sst-bidrag. This file holds no application the tool can read.',
    missing: 'Choose a file to open.',
  },
};

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
    const attached = await readAttachments(file);
    const parsed = attached ? parseApplication(attached.application, lang) : undefined;
    if (!parsed?.ok) return renderPage(reply, lang, [{ field: 'file', message: text[lang].notSummary }]);
    const draft = await app.drafts.create(withIds(parsed.application as unknown as DraftApplicationInput));
    return reply.redirect(inLang(draftPath(draft.id, 'kontrollera'), lang), 303);
  });
};

export default importSummary;
