/**
 * The redovisning summary as a PDF (Swedish), in the style of the application summary: its
 * content is settlement-content.ts, its frame document.ts. The settlement's input is embedded as
 * redovisning.json (the body POST /api/v1/settlements takes, with the decisions' dates), so the
 * PDF can be opened again as a settlement draft; the estimate beside it as
 * redovisning-uppskattning.json.
 */
import type { SettlementPdfInput } from '../../forms/settlement.ts';
import type { Settlement } from '../../rules/types.ts';
import { settlementPdfWords as w } from '../settlement-words.ts';
import { SETTLEMENT_NAMES } from './attachments.ts';
import { renderDocument, type RenderedPdf } from './document.ts';
import { drawBlocks } from './layout.ts';
import { settlementContent } from './settlement-content.ts';

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
