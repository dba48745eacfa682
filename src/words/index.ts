/** The catalogue in the language asked for: `words[lang].estimate.title`. */
import type { Lang } from '../../rules/types.ts';
import { en } from './en.ts';
import { sv, type Words } from './sv.ts';

export type { Words };
export const words: Record<Lang, Words> = { sv, en };
