import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import {
  complianceDate,
  complianceReason,
  complianceText,
  reportLabel,
  reviewPackText,
  schoolYearLabel,
  type ComplianceItem,
  type ReportLanguage,
  type ReviewPack,
  type ReviewPackContent,
} from '@waymark/shared';

const require = createRequire(import.meta.url);
// DejaVu Sans has every letter Welsh needs (ŵ, ŷ), which the PDF standard fonts lack.
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const MARGIN = 50;
const STATUS_COLOURS = { met: '#1b6e3a', 'at-risk': '#8a5300', 'not-met': '#a4161a' } as const;

/**
 * The review pack as a PDF (A4), in English or Welsh, drawn from the verified content: the same
 * sections as the console's printable page, with the content's SHA-256 on every page.
 */
export function reviewPackPdf(
  pack: ReviewPack,
  content: ReviewPackContent,
  lang: ReportLanguage,
): Promise<Buffer> {
  const t = reviewPackText(lang);
  const c = complianceText(lang);
  const year = schoolYearLabel(content.year);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: lang === 'cy' ? 'cy-GB' : 'en-GB',
    info: {
      Title: `${t.title(year)}: ${content.school.name}`,
      Author: content.preparedBy.name,
      Subject: `SHA-256 ${pack.contentHash}`,
      Keywords: `waymark review-pack ${pack.status} sha256:${pack.contentHash}`,
      Creator: 'Waymark',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD);
  const width = doc.page.width - 2 * MARGIN;
  const date = (iso: string) => complianceDate(lang, iso);
  const lastDay = (to: string) =>
    new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

  /** A new page when less than `height` is left, so no row is split and no heading is left alone at the foot. */
  const room = (height: number) => {
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const heading = (text: string) => {
    room(70);
    doc.moveDown(0.8).font('bold').fontSize(13).fillColor('#1b2430').text(text, MARGIN, undefined, { width });
    doc.moveDown(0.3).font('body').fontSize(10);
  };
  const para = (text: string, colour = '#1b2430') =>
    doc.font('body').fontSize(10).fillColor(colour).text(text, MARGIN, undefined, { width });
  const table = (rows: Array<[string, string]>, empty: string) => {
    if (rows.length === 0) return para(empty, '#3d4a5c');
    for (const [label, value] of rows) {
      room(28);
      const y = doc.y;
      doc
        .font('body')
        .fontSize(10)
        .fillColor('#1b2430')
        .text(label, MARGIN, y, { width: width - 90 });
      const after = doc.y;
      doc.text(value, MARGIN + width - 80, y, { width: 80, align: 'right' });
      doc.y = Math.max(after, doc.y);
      doc.x = MARGIN;
    }
  };
  const item = (i: ComplianceItem) => {
    room(40);
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(STATUS_COLOURS[i.status])
      .text(`${c.statuses[i.status]}: `, MARGIN, undefined, { continued: true, width })
      .fillColor('#1b2430')
      .text(c.items[i.id].title);
    para(complianceReason(lang, i), '#3d4a5c');
    doc.moveDown(0.3);
  };
  const category = (key: string) => reportLabel(lang, 'categories', key);
  const keyStage = (key: string) => (key === 'none' ? t.noClass : reportLabel(lang, 'keyStages', key));
  const topic = (key: string) => t.alertTopics[key] ?? category(key);
  const n = (value: number) => value.toLocaleString(lang === 'cy' ? 'cy-GB' : 'en-GB');

  doc.font('bold').fontSize(18).fillColor('#1b2430').text(t.title(year), { width });
  doc.font('body').fontSize(12).text(content.school.name);
  doc.moveDown(0.3);
  para(t.period(date(content.from), date(lastDay(content.to))));
  para(t.prepared(content.preparedBy.name, date(content.generatedAt)));
  doc.moveDown(0.3);
  para(pack.status === 'signed' ? t.signedBanner : t.draft, pack.status === 'signed' ? '#1b6e3a' : '#8a5300');

  heading(t.roles);
  for (const k of ['dsl', 'deputyDsl', 'seniorLeader', 'governor', 'technician'] as const) {
    room(28);
    const y = doc.y;
    doc.font('body').fontSize(10).text(c.figures[k]!, MARGIN, y, { width: 180 });
    const after = doc.y;
    doc.text(content.roles[k].join(', ') || c.none, MARGIN + 190, y, { width: width - 190 });
    doc.y = Math.max(after, doc.y);
  }

  heading(t.gaps);
  if (content.gaps.length === 0) para(t.noGaps);
  for (const gap of content.gaps) item(gap);
  heading(t.notes);
  para(content.notes ?? t.noNotes);

  heading(t.policyChanges);
  if (content.policyChanges.length === 0) para(t.noPolicyChanges, '#3d4a5c');
  for (const change of content.policyChanges) {
    doc
      .font('bold')
      .fontSize(10)
      .fillColor('#1b2430')
      .text(
        `${date(change.at)}: ${t.changeBy(change.by, change.profile, change.version)}`,
        MARGIN,
        undefined,
        { width },
      );
    para(`${t.reason}: ${change.reason}`);
    for (const line of change.summary) para(`• ${line}`, '#3d4a5c');
    doc.moveDown(0.3);
  }

  heading(t.checks);
  item(content.checks);

  heading(`${t.blocked}: ${n(content.blocked.total)}`);
  doc.font('bold').text(t.byCategory);
  table(
    content.blocked.byCategory.map((r) => [category(r.key), n(r.count)]),
    t.nothing,
  );
  doc.moveDown(0.3).font('bold').text(t.byKeyStage);
  table(
    content.blocked.byKeyStage.map((r) => [keyStage(r.key), n(r.count)]),
    t.nothing,
  );

  heading(t.alerts);
  para(t.alertTotals(content.alerts.total, content.alerts.acknowledged, content.alerts.inTime));
  doc.moveDown(0.3).font('bold').text(t.byCategory);
  table(
    content.alerts.byCategory.map((r) => [topic(r.key), n(r.count)]),
    t.nothing,
  );
  doc.moveDown(0.3).font('bold').text(t.byKeyStage);
  table(
    content.alerts.byKeyStage.map((r) => [keyStage(r.key), n(r.count)]),
    t.nothing,
  );

  heading(`${t.incidents}: ${n(content.incidents.total)}`);
  if (content.incidents.byCategory.length === 0) para(t.nothing, '#3d4a5c');
  for (const r of content.incidents.byCategory) {
    doc.font('bold').fontSize(10).text(category(r.key), MARGIN, undefined, { width });
    para(
      `${t.incidentColumns.open}: ${n(r.open)} · ${t.incidentColumns.closedWithOutcome}: ${n(r.closedWithOutcome)} · ${t.incidentColumns.closedWithoutOutcome}: ${n(r.closedWithoutOutcome)}`,
      '#3d4a5c',
    );
  }
  doc.moveDown(0.3).font('bold').text(t.incidentActions);
  table(
    content.incidents.byAction.map((r) => [reportLabel(lang, 'actions', r.key), n(r.count)]),
    t.nothing,
  );

  heading(t.devices);
  table(
    (Object.keys(t.deviceFigures) as Array<keyof ReviewPackContent['devices']>).map((k) => [
      t.deviceFigures[k],
      n(content.devices[k]),
    ]),
    t.nothing,
  );

  if (content.incidentLog) {
    heading(t.incidentLog);
    para(t.anchor(content.incidentLog.entries, content.incidentLog.anchor));
  }

  heading(t.signatures);
  for (const role of ['senior-leader', 'governor'] as const) {
    const s = pack.signatures.find((sig) => sig.role === role);
    doc.font('bold').fontSize(10).text(t.signer[role], MARGIN, undefined, { width });
    para(s ? t.signedBy(s.name, `${date(s.signedAt)}, ${s.signedAt.slice(11, 16)} UTC`) : t.notSigned);
    doc.moveDown(0.3);
  }

  // The content's fingerprint at the foot of every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Inside the bottom margin: lift the margin while writing, or pdfkit starts a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(7)
      .fillColor('#3d4a5c')
      .text(
        `${pack.status === 'signed' ? t.hash : t.draftHash}: ${pack.contentHash} · ${i + 1}/${range.count}`,
        MARGIN,
        doc.page.height - MARGIN,
        {
          width,
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
