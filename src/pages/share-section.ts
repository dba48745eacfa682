/**
 * The part of a draft's pages that shares it with kommuns' overviews: the overviews it is shared
 * with, each with its withdraw button, and the field for a submission code. The result page and
 * the share page (src/routes/journey/share-overview.ts) show it.
 */
import { municipalityName } from '../../forms/municipalities.ts';
import type { Lang } from '../../rules/types.ts';
import type { Share } from '../drafts/overviews.ts';
import type { DraftStore } from '../drafts/store.ts';
import { draftPath, inLang } from '../journey.ts';
import { showTime } from '../lang.ts';
import { words } from '../words/index.ts';

export const shareText = { sv: words.sv.shareOverview, en: words.en.shareOverview };

/** The kommun's name, or its code when the code is not a kommun's. */
export const kommunName = (code: string): string => municipalityName(code) ?? code;

function sharesView(shares: Share[], lang: Lang) {
  const t = shareText[lang];
  return shares.map((s) => ({
    id: s.overviewId,
    label: t.which(kommunName(s.municipalityCode), s.grantYear),
    sharedAt: t.sharedAt(showTime(s.sharedAt)),
    withdrawLabel: t.withdrawFrom(kommunName(s.municipalityCode)),
  }));
}

/** The shares with their withdraw buttons and the code field, for views/partials of the result and share pages. */
export async function shareSection(store: DraftStore, draftId: string, lang: Lang) {
  const path = draftPath(draftId, 'oversikt');
  return {
    text: shareText[lang],
    shares: sharesView(await store.sharesOf(draftId), lang),
    action: inLang(path, lang),
    withdrawAction: inLang(`${path}/ta-tillbaka`, lang),
  };
}
