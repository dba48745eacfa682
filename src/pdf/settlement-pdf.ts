/**
 * The redovisning summary as a PDF (Swedish), in the style of the application summary: its
 * content is settlement-content.ts, its frame document.ts. The settlement's input is embedded as
 * redovisning.json (the body POST /api/v1/settlements takes, with the decisions' dates), so the
 * PDF can be opened again as a settlement draft; the estimate beside it as
 * redovisning-uppskattning.json.
 */
import { isoDate } from '../../forms/input.ts';
import type { Settlement, SettlementInput } from '../../rules/types.ts';
import { settlementPdfWords as w } from '../settlement-words.ts';
import { SETTLEMENT_NAMES } from './attachments.ts';
import { renderDocument, type RenderedPdf } from './document.ts';
import { drawBlocks } from './layout.ts';
import { settlementContent } from './settlement-content.ts';

/** The settlement's input with the date of each team's decision where the user gave it (YYYY-MM-DD). */
export interface SettlementPdfInput extends SettlementInput {
  decision: { teams: Array<{ skolverketGrant: string; decidedOn?: string }> };
}

/**
 * The validated input with each decision's date from the raw request beside it, where it is a
 * real date (the engine does not read it; the PDF shows it and a re-import restores it).
 */
export function withDecisionDates(input: SettlementInput, raw: unknown): SettlementPdfInput {
  const entries = (raw as { decision?: { teams?: unknown } } | null)?.decision?.teams;
  const dateOf = (i: number) => isoDate(Array.isArray(entries) ? (entries[i] as { decidedOn?: unknown } | null)?.decidedOn : undefined);
  const teams = input.decision.teams.map((team, i) => {
    const decidedOn = dateOf(i);
    return decidedOn ? { ...team, decidedOn } : team;
  });
  return { ...input, decision: { teams } };
}

export function renderSettlementPdf(request: SettlementPdfInput, settlement: Settlement, estimatedOn: string): Promise<RenderedPdf> {
  const { organiser, grantYear } = request.application;
  return renderDocument(
    {
      date: estimatedOn,
      title: `${w.title}, bidragsår ${grantYear}`,
      subject: `${organiser.name} (${organiser.orgNumber}), bidragsår ${grantYear}, uppskattat ${estimatedOn}`,
      keywords: ['statsbidrag', 'skolsociala team', 'redovisning', 'förordning (2023:179)', settlement.assessment.ruleSet.id],
      header: { left: organiser.name, right: `${w.grantYear} ${grantYear}` },
      footer: w.footer(estimatedOn),
      attachments: [
        { name: SETTLEMENT_NAMES.input, description: w.attachmentInput, value: request, relationship: 'source' },
        { name: SETTLEMENT_NAMES.estimate, description: w.attachmentResult, value: settlement, relationship: 'supplement' },
      ],
    },
    (cursor) => drawBlocks(cursor, settlementContent(request, settlement, estimatedOn)),
  );
}
