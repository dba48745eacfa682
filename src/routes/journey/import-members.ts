/**
 * /ansokan/{id}/team/{t}/importera: add a staff list to a team. Upload a CSV file or paste
 * rows from a spreadsheet; if a needed column is not recognised, choose it from the file's
 * headers; then a preview of every row with its problems. Nothing is saved until the user
 * confirms (…/importera/spara), and then only the valid rows, checked again.
 * /ansokan/{id}/team/{t}/personal.csv downloads the team's members in the same format.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_MEMBERS } from '../../../forms/application.ts';
import { memberLabels } from '../../../forms/member.ts';
import {
  fieldsFor,
  OPTIONAL,
  membersCsv,
  missingFields,
  recognise,
  rowQuestions,
  sameMember,
  type Encoding,
  type Field,
  type Mapping,
  type RawMember,
  type Table,
} from '../../../forms/member-import.ts';
import {
  carriedSource,
  checkCarriedRows,
  checkTable,
  chosenMapping,
  mappingAnswered,
  mappingField,
  type NumberedRow,
  planImport,
  type PostedForm,
  readCarriedRows,
  tableSource,
  ticks,
  writeCarriedRows,
} from '../../../forms/member-import-form.ts';
import type { FieldError } from '../../../forms/page-form.ts';
import type { Lang } from '../../../rules/types.ts';
import { isSettlement, keepConfirmed, type DraftData } from '../../drafts/draft-data.ts';
import { showDecimal } from '../../../forms/input.ts';
import { existingTeam, loadDraft, saveDraft } from '../../http/draft-request.ts';
import { inLang, teamPath } from '../../journey.ts';
import { langOf } from '../../lang.ts';
import { renderForm } from '../../page.ts';
import { refusedAs } from '../../plugins/worker-pool.ts';
import { words } from '../../words/index.ts';

const text = { sv: words.sv.importMembers, en: words.en.importMembers };

/** The member page's question for each field, as the column's name on these pages. */
const FIELD_LABELS: Record<Lang, Record<Field, string>> = { sv: words.sv.importFields, en: words.en.importFields };

function renderUpload(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  team: number,
  errors: FieldError[] = [],
  mapping?: ReturnType<typeof mappingView>,
) {
  const lang = langOf(request.query);
  const t = text[lang];
  const path = teamPath(id, team, 'importera');
  return renderForm(reply, 'import-members.eta', {
    lang,
    path,
    title: mapping ? t.mappingTitle : t.title,
    text: t,
    errors,
    mapping,
    action: inLang(path, lang),
    backHref: inLang(teamPath(id, team, 'personer'), lang),
  });
}

/** A select per field the headers did not name, listing the file's headers. */
function mappingView(table: Table, mapping: Mapping, source: string, settlement: boolean, lang: Lang) {
  const recognised = recognise(table.headers);
  return {
    source,
    fields: fieldsFor(settlement)
      .filter((f) => recognised[f] === undefined)
      .map((field) => ({
        field,
        id: mappingField(field),
        label: FIELD_LABELS[lang][field],
        optional: OPTIONAL.includes(field),
        selected: mapping[field] === undefined ? '' : String(mapping[field]),
        options: table.headers.map((header, i) => ({ value: String(i), label: header || `${text[lang].row} ${i + 1}` })),
      })),
  };
}

/** What a cell was read as, for the preview: the label of a recognised choice, else the cell. */
function shown(raw: RawMember, field: 'side' | 'engagement' | 'education' | 'origin', lang: Lang): string {
  const labels = memberLabels[lang][field] as Record<string, string>;
  const value = raw[field] ?? '';
  return labels[value]?.split(' (')[0] ?? value;
}

/**
 * The preview: every row with what will happen to it, the questions about unusual values, the
 * rows that repeat a member already in the team, and (when the team has members) the required
 * choice between adding to them and replacing those of the list's sides. Shown again with the
 * user's ticks and an error when the choice was not made.
 */
function renderPreview(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  data: DraftData,
  team: number,
  list: { checked: NumberedRow[]; total: number; encoding: Encoding },
  answer: { errors?: FieldError[]; ticked?: PostedForm } = {},
) {
  const lang = langOf(request.query);
  const t = text[lang];
  const existing = data.application.teams[team].members;
  const { checked, total } = list;
  // Rows are counted against the room left if they are added; "replace" makes more room.
  const room = Math.max(0, MAX_MEMBERS - existing.length);
  const valid = checked.filter((c) => c.ok);
  const carried = valid.slice(0, MAX_MEMBERS);
  const questions = rowQuestions(
    carried.slice(0, room).map((c) => c.member),
    existing,
    lang,
  );
  const repeats = carried.map((c) => sameMember(c.member, existing));
  const toConfirm = carried.flatMap((c, i) =>
    questions[i]?.length ? [{ index: i, label: t.confirmRow(c.line, questions[i].map((q) => q.question).join(' ')) }] : [],
  );
  const toInclude = carried.flatMap((c, i) => {
    const same = repeats[i];
    return same ? [{ index: i, label: t.includeRow(c.line, `${same.role || same.id}, ${showDecimal(same.fte, lang)}, ${same.start}`) }] : [];
  });
  const sides = new Set(carried.map((c) => c.member.side));
  const bySide = (side: string) => existing.filter((m) => m.side === side).length;
  const replaced = [...sides].filter((side) => bySide(side) > 0).map((side) => t.sideCount(side, bySide(side)));
  const keptSides = ['school', 'social_services'].filter((side) => !sides.has(side) && bySide(side) > 0).map((side) => t.sideCount(side, bySide(side)));
  const ticked = (name: string) => ticks(answer.ticked?.[name]);
  const rows = checked.map((c) => {
    const index = c.ok ? carried.indexOf(c) : -1;
    const fitsInTeam = index !== -1 && index < room;
    const asked = fitsInTeam ? questions[index] : [];
    const same = index === -1 ? undefined : repeats[index];
    return {
      number: c.line,
      side: shown(c.raw, 'side', lang),
      role: c.raw.role ?? '',
      fte: c.raw.fte ?? '',
      period: `${c.raw.start ?? ''} – ${c.raw.end || t.untilFurther}`,
      education: shown(c.raw, 'education', lang),
      origin: shown(c.raw, 'origin', lang),
      salary: c.raw.monthlySalary ?? '',
      tag: fitsInTeam ? (asked.length || same ? 'review' : 'pass') : 'fail',
      status: c.ok ? (fitsInTeam ? (same ? t.repeats : asked.length ? t.question : t.ok) : t.noRoom) : t.problems,
      problems: c.ok ? asked.map((q) => q.question) : c.errors.map((e) => `${FIELD_LABELS[lang][e.field as Field] ?? e.field}: ${e.message}`),
    };
  });
  const path = teamPath(id, team, 'importera');
  return renderForm(reply, 'import-preview.eta', {
    lang,
    path,
    title: t.previewTitle,
    text: t,
    errors: answer.errors,
    teamName: data.application.teams[team].name,
    summary: t.summary(valid.length, total - valid.length),
    encodingNote: list.encoding === 'windows-1252' ? t.windows1252 : undefined,
    toConfirm: toConfirm.length ? t.toConfirm(toConfirm.length) : undefined,
    rowsToConfirm: toConfirm.map((row) => ({ ...row, checked: ticked('confirmRow').has(String(row.index)) })),
    repeated: toInclude.length ? t.repeated(toInclude.length) : undefined,
    rowsToInclude: toInclude.map((row) => ({ ...row, checked: ticked('includeRow').has(String(row.index)) })),
    mode: existing.length
      ? {
          id: 'mode',
          legend: t.modeLegend(existing.length),
          error: answer.errors?.find((e) => e.field === 'mode')?.message,
          value: typeof answer.ticked?.mode === 'string' ? answer.ticked.mode : undefined,
          options: [
            { value: 'add', label: t.add, hint: t.addHint },
            { value: 'replace', label: t.replace, hint: t.replaceHint(replaced, keptSides) },
          ],
        }
      : undefined,
    full: valid.length > room ? t.full(room, valid.length - room) : undefined,
    rows,
    columns: [
      FIELD_LABELS[lang].side,
      FIELD_LABELS[lang].role,
      FIELD_LABELS[lang].fte,
      `${FIELD_LABELS[lang].start} – ${FIELD_LABELS[lang].end}`,
      FIELD_LABELS[lang].education,
      FIELD_LABELS[lang].origin,
      FIELD_LABELS[lang].monthlySalary,
    ],
    payload: carried.length
      ? writeCarriedRows({ total, encoding: list.encoding, lines: carried.map((c) => c.line), rows: carried.map((c) => c.raw) })
      : undefined,
    confirmLabel: toConfirm.length || toInclude.length || existing.length ? t.confirmChecked : t.confirm(carried.length),
    confirmAction: inLang(`${path}/spara`, lang),
    againHref: inLang(path, lang),
    backHref: inLang(path, lang),
  });
}

const importMembers: FastifyPluginAsync = async (app) => {
  app.get('/ansokan/:id/team/:team/importera', async (request, reply) => {
    const { draft, data } = await loadDraft(request);
    return renderUpload(request, reply, draft.id, existingTeam(request, data));
  });

  app.post('/ansokan/:id/team/:team/importera', async (request, reply) => {
    const lang = langOf(request.query);
    const t = text[lang];
    const { draft, data } = await loadDraft(request);
    const team = existingTeam(request, data);
    const body = (request.body ?? {}) as PostedForm;
    const source = tableSource(body);
    if (!source) return renderUpload(request, reply, draft.id, team, [{ field: 'file', message: t.missing }]);
    const read = await app.work({ kind: 'readTable', input: source.input }).catch(refusedAs('tooHeavy'));
    if (!read.ok) return renderUpload(request, reply, draft.id, team, [{ field: source.field, message: t[read.problem] }]);
    const { table } = read;

    const settlement = isSettlement(data);
    const mapping = chosenMapping(table.headers, body, settlement);
    const missing = missingFields(mapping);
    if (missing.length > 0) {
      const carried = carriedSource(source);
      if (carried === undefined) return renderUpload(request, reply, draft.id, team, [{ field: source.field, message: t.tooBig }]);
      // Asked for the first time: no errors yet; asked again with a needed field still open: say which.
      const errors = mappingAnswered(body) ? missing.map((f) => ({ field: mappingField(f), message: t.needed(FIELD_LABELS[lang][f]) })) : [];
      return renderUpload(request, reply, draft.id, team, errors, mappingView(table, mapping, carried, settlement, lang));
    }

    const checked = checkTable(table, mapping, lang);
    return renderPreview(request, reply, draft.id, data, team, { checked, total: checked.length, encoding: read.encoding });
  });

  app.post('/ansokan/:id/team/:team/importera/spara', async (request, reply) => {
    const lang = langOf(request.query);
    const loaded = await loadDraft(request);
    const { data } = loaded;
    const team = existingTeam(request, data);
    const body = (request.body ?? {}) as PostedForm;
    const payload = readCarriedRows(body.payload);
    if (!payload) return renderUpload(request, reply, loaded.draft.id, team, [{ field: 'file', message: text[lang].badPayload }]);
    const checked = checkCarriedRows(payload, lang);
    const members = data.application.teams[team].members;
    const mode = members.length === 0 ? 'add' : body.mode === 'add' || body.mode === 'replace' ? body.mode : undefined;
    if (!mode) {
      const errors = [{ field: 'mode', message: text[lang].modeMissing }];
      return renderPreview(request, reply, loaded.draft.id, data, team, { ...payload, checked }, { errors, ticked: body });
    }
    const { kept, removed, added, repeatsLeftOut } = planImport(
      members,
      checked,
      { mode, includeRow: ticks(body.includeRow), confirmRow: ticks(body.confirmRow) },
      lang,
    );
    for (const m of removed) keepConfirmed(data, m.id, undefined);
    data.application.teams[team].members = kept;
    for (const row of added) {
      const id = `p${data.nextMember}`;
      const { actualCost: _notHere, ...applied } = row.member;
      data.application.teams[team].members.push({ id, ...(isSettlement(data) ? row.member : applied) });
      keepConfirmed(data, id, row.confirmed);
      data.nextMember += 1;
    }
    const teamRef = { team: data.application.teams[team].id, teamName: data.application.teams[team].name };
    if (added.length > 0 || removed.length > 0) {
      const change =
        mode === 'replace'
          ? { kind: 'members_replaced' as const, added: added.length, removed: removed.length, ...teamRef }
          : { kind: 'members_imported' as const, added: added.length, skipped: repeatsLeftOut, ...teamRef };
      await saveDraft(request, loaded, { change });
    }
    const skipped = Math.max(0, payload.total - added.length);
    const query = `tillagda=${added.length}&overhoppade=${skipped}${removed.length ? `&borttagna=${removed.length}` : ''}${lang === 'en' ? '&lang=en' : ''}`;
    return reply.redirect(`${teamPath(loaded.draft.id, team, 'personer')}?${query}`, 303);
  });

  app.get('/ansokan/:id/team/:team/personal.csv', async (request, reply) => {
    const { data } = await loadDraft(request);
    const team = existingTeam(request, data);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="personal-team-${team + 1}.csv"`)
      .send(membersCsv(data.application.teams[team].members, isSettlement(data)));
  });
};

export default importMembers;
