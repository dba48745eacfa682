/** What every page's layout needs: the language, the title and the link to the other language. */
import type { Lang } from '../rules/types.ts';

export function pageData(lang: Lang, path: string, title: string) {
  return {
    lang,
    title,
    otherLanguage:
      lang === 'sv'
        ? { lang: 'en', label: 'In English', href: `${path}?lang=en` }
        : { lang: 'sv', label: 'På svenska', href: path },
  };
}
