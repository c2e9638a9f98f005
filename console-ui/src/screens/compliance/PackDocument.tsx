import {
  complianceDate,
  complianceReason,
  complianceText,
  reportLabel,
  reviewPackText,
  schoolYearLabel,
  type ReportLanguage,
  type ReviewPack,
  type ReviewPackContent,
} from '@waymark/shared';
import { FigureTable } from '../../ui/FigureTable';
import { StatusBadge } from './StatusBadge';

const ROLE_KEYS = ['dsl', 'deputyDsl', 'seniorLeader', 'governor', 'technician'] as const;

/** Figures by category and by key stage, side by side (blocked attempts, alerts). */
function ByCategoryAndKeyStage({
  t,
  byCategory,
  byKeyStage,
  category,
  keyStage,
}: {
  t: ReturnType<typeof reviewPackText>;
  byCategory: CountRow[];
  byKeyStage: CountRow[];
  category: (key: string) => string;
  keyStage: (key: string) => string;
}) {
  return (
    <div className="pack-pair">
      <CountTable t={t} caption={t.byCategory} column={t.categoryColumn} rows={byCategory} label={category} />
      <CountTable t={t} caption={t.byKeyStage} column={t.keyStageColumn} rows={byKeyStage} label={keyStage} />
    </div>
  );
}

type CountRow = { key: string; count: number };

function CountTable({
  t,
  caption,
  column,
  rows,
  label,
}: {
  t: ReturnType<typeof reviewPackText>;
  caption: string;
  column: string;
  rows: CountRow[];
  label: (key: string) => string;
}) {
  return (
    <FigureTable
      className="compliance-table pack-counts"
      caption={caption}
      columns={[column, t.count]}
      rows={rows}
      rowName={(r) => label(r.key)}
      figures={(r) => [r.count]}
      empty={t.nothing}
    />
  );
}

/**
 * The review pack as a document (the same sections as the server's PDF), printable with the
 * console's print stylesheet.
 */
export function PackDocument({
  pack,
  content,
  lang,
}: {
  pack: ReviewPack;
  content: ReviewPackContent;
  lang: ReportLanguage;
}) {
  const t = reviewPackText(lang);
  const c = complianceText(lang);
  const date = (iso: string) => complianceDate(lang, iso);
  const lastDay = new Date(Date.parse(`${content.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const category = (key: string) => reportLabel(lang, 'categories', key);
  const keyStage = (key: string) => (key === 'none' ? t.noClass : reportLabel(lang, 'keyStages', key));
  const topic = (key: string) => t.alertTopics[key] ?? category(key);
  return (
    <article className="pack" aria-labelledby="pack-heading">
      <header>
        <h1 id="pack-heading">{t.title(schoolYearLabel(content.year))}</h1>
        <p className="pack-school">{content.school.name}</p>
        <p>
          {t.period(date(content.from), date(lastDay))}{' '}
          {t.prepared(content.preparedBy.name, date(content.generatedAt))}
        </p>
        <p className={pack.status === 'signed' ? 'pack-banner pack-signed' : 'pack-banner pack-draft'}>
          {pack.status === 'signed' ? t.signedBanner : t.draft}
        </p>
        <p className="pack-hash">
          {pack.status === 'signed' ? t.hash : t.draftHash}: <code>{pack.contentHash}</code>
        </p>
      </header>

      <section aria-labelledby="pack-roles">
        <h2 id="pack-roles">{t.roles}</h2>
        <dl className="pack-roles">
          {ROLE_KEYS.map((k) => (
            <div key={k}>
              <dt>{c.figures[k]}</dt>
              <dd>{content.roles[k].join(', ') || c.none}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="pack-gaps">
        <h2 id="pack-gaps">{t.gaps}</h2>
        {content.gaps.length === 0 ? (
          <p>{t.noGaps}</p>
        ) : (
          <ul className="pack-gaps">
            {content.gaps.map((gap) => (
              <li key={gap.id}>
                <StatusBadge status={gap.status} lang={lang} /> <strong>{c.items[gap.id].title}</strong>:{' '}
                {complianceReason(lang, gap)}
              </li>
            ))}
          </ul>
        )}
        <h3>{t.notes}</h3>
        <p className="pack-notes">{content.notes ?? t.noNotes}</p>
      </section>

      {content.incidentLog && (
        <section aria-labelledby="pack-incident-log">
          <h2 id="pack-incident-log">{t.incidentLog}</h2>
          <p className="pack-anchor" data-testid="pack-anchor">
            {t.anchor(content.incidentLog.entries, content.incidentLog.anchor)}
          </p>
        </section>
      )}

      <section aria-labelledby="pack-changes">
        <h2 id="pack-changes">{t.policyChanges}</h2>
        {content.policyChanges.length === 0 ? (
          <p>{t.noPolicyChanges}</p>
        ) : (
          <ul className="pack-changes">
            {content.policyChanges.map((change) => (
              <li key={`${change.at}-${change.profile}-${change.version}`}>
                <p>
                  <strong>
                    {date(change.at)}: {t.changeBy(change.by, change.profile, change.version)}
                  </strong>
                </p>
                <p>
                  {t.reason}: {change.reason}
                </p>
                {change.summary.length > 0 && (
                  <ul>
                    {change.summary.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="pack-checks">
        <h2 id="pack-checks">{t.checks}</h2>
        <p>
          <StatusBadge status={content.checks.status} lang={lang} /> {complianceReason(lang, content.checks)}
        </p>
      </section>

      <section aria-labelledby="pack-blocked">
        <h2 id="pack-blocked">
          {t.blocked}: {content.blocked.total}
        </h2>
        <ByCategoryAndKeyStage
          t={t}
          byCategory={content.blocked.byCategory}
          byKeyStage={content.blocked.byKeyStage}
          category={category}
          keyStage={keyStage}
        />
      </section>

      <section aria-labelledby="pack-alerts">
        <h2 id="pack-alerts">{t.alerts}</h2>
        <p>{t.alertTotals(content.alerts.total, content.alerts.acknowledged, content.alerts.inTime)}</p>
        <ByCategoryAndKeyStage
          t={t}
          byCategory={content.alerts.byCategory}
          byKeyStage={content.alerts.byKeyStage}
          category={topic}
          keyStage={keyStage}
        />
      </section>

      <section aria-labelledby="pack-incidents">
        <h2 id="pack-incidents">
          {t.incidents}: {content.incidents.total}
        </h2>
        <FigureTable
          className="compliance-table"
          caption={t.byCategory}
          columns={[
            t.incidentColumns.category,
            t.incidentColumns.open,
            t.incidentColumns.closedWithOutcome,
            t.incidentColumns.closedWithoutOutcome,
          ]}
          rows={content.incidents.byCategory}
          rowName={(r) => category(r.key)}
          figures={(r) => [r.open, r.closedWithOutcome, r.closedWithoutOutcome]}
          empty={t.nothing}
        />
        <CountTable
          t={t}
          caption={t.incidentActions}
          column={t.incidentActions}
          rows={content.incidents.byAction}
          label={(k) => reportLabel(lang, 'actions', k)}
        />
      </section>

      <section aria-labelledby="pack-devices">
        <h2 id="pack-devices">{t.devices}</h2>
        <dl className="pack-roles">
          {(Object.keys(t.deviceFigures) as Array<keyof ReviewPackContent['devices']>).map((k) => (
            <div key={k}>
              <dt>{t.deviceFigures[k]}</dt>
              <dd>{content.devices[k]}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="pack-signatures">
        <h2 id="pack-signatures">{t.signatures}</h2>
        <dl className="pack-roles" data-testid="pack-signatures">
          {(['senior-leader', 'governor'] as const).map((role) => {
            const s = pack.signatures.find((sig) => sig.role === role);
            return (
              <div key={role}>
                <dt>{t.signer[role]}</dt>
                <dd>
                  {s
                    ? t.signedBy(s.name, `${date(s.signedAt)}, ${s.signedAt.slice(11, 16)} UTC`)
                    : t.notSigned}
                </dd>
              </div>
            );
          })}
        </dl>
      </section>
    </article>
  );
}
