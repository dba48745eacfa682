/**
 * The pre-filled application summary as a PDF (Swedish): its content is summary-content.ts,
 * its frame document.ts.
 *
 * The application and the assessment are embedded as JSON attachments (ansokan.json and
 * bedomning.json), so a saved PDF can restore a draft (`readAttachments`). The same input
 * gives the same bytes: every date in the file is the assessment date, and the document ID
 * is a hash of the input.
 */
import type { Application, Assessment } from '../../rules/types.ts';
import { SUMMARY_NAMES } from './attachments.ts';
import { type RenderedPdf, renderDocument } from './document.ts';
import { drawBlocks } from './layout.ts';
import { SUMMARY_TITLE, summaryContent } from './summary-content.ts';

export { readAttachments } from './attachments.ts';

export function renderSummaryPdf(application: Application, assessment: Assessment): Promise<RenderedPdf> {
  const year = application.grantYear;
  return renderDocument(
    {
      date: assessment.assessedOn,
      title: `${SUMMARY_TITLE}, bidragsår ${year}`,
      subject: `${application.organiser.name} (${application.organiser.orgNumber}), bidragsår ${year}, bedömd ${assessment.assessedOn}`,
      keywords: ['statsbidrag', 'skolsociala team', 'förordning (2023:179)', assessment.ruleSet.id],
      header: { left: application.organiser.name, right: `Bidragsår ${year}` },
      footer: `Bedömd ${assessment.assessedOn} med sst-bidrag. Sammanställningen är inte ett beslut.`,
      attachments: [
        { name: SUMMARY_NAMES.application, description: 'Ansökan som JSON (sst-bidrag)', value: application, relationship: 'source' },
        { name: SUMMARY_NAMES.assessment, description: 'Bedömningen som JSON (sst-bidrag)', value: assessment, relationship: 'supplement' },
      ],
    },
    (cursor) => drawBlocks(cursor, summaryContent(application, assessment)),
  );
}
