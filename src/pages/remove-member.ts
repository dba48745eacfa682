/**
 * The question before a member is removed, one page for the coordinator
 * (/ansokan/…/person/{m}/ta-bort) and the link holder (/lank/…/person/{m}/ta-bort): each route
 * finds the member and checks what its visitor may reach, then says where the page is and
 * where "no" goes back to.
 */
import type { FastifyReply } from 'fastify';
import type { Lang } from '../../rules/types.ts';
import { renderConfirm } from '../page.ts';
import { personLabel } from '../result-words.ts';
import { words } from '../words/index.ts';

export function renderRemoveMember(reply: FastifyReply, page: { lang: Lang; path: string; backHref: string; member: { id: string; role?: string } }) {
  const t = words[page.lang].removeMember;
  return renderConfirm(reply, { lang: page.lang, path: page.path, backHref: page.backHref, text: { ...t, title: t.title(personLabel(page.member)) } });
}
