import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  can,
  complianceDate,
  FIRST_REVIEW_YEAR,
  reviewPackText,
  schoolYearLabel,
  type ReportLanguage,
} from '@waymark/shared';
import { useSession } from '../../lib/session';
import { Field } from '../../ui/Field';
import { usePreparePack, useReviewPacks } from './api';
import './compliance.css';

/** The school year now: it starts in September. */
function currentSchoolYear(now = new Date()): number {
  return now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
}

/** `/compliance/review`: the annual review packs, and preparing one for a school year. */
export function ReviewPacksPage() {
  const { t, i18n } = useTranslation('compliance');
  const lang: ReportLanguage = i18n.language === 'cy' ? 'cy' : 'en';
  const session = useSession();
  const role = session.data?.role;
  const packs = useReviewPacks();
  const prepare = usePreparePack();
  const years = Array.from(
    { length: currentSchoolYear() - FIRST_REVIEW_YEAR + 1 },
    (_, i) => currentSchoolYear() - i,
  );
  const [year, setYear] = useState(years[0]!);
  const [notes, setNotes] = useState('');
  const [done, setDone] = useState<number | null>(null);
  if (!can(role, 'view-compliance')) {
    return (
      <section aria-labelledby="review-heading">
        <h1 id="review-heading">{t('review.title')}</h1>
        <p>{t('notAllowed')}</p>
      </section>
    );
  }
  const existing = packs.data?.find((p) => p.year === year);

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    prepare.mutate(
      { year, ...(notes.trim() ? { notes: notes.trim() } : {}) },
      { onSuccess: (pack) => setDone(pack.year) },
    );
  }

  return (
    <div className="compliance">
      <p>
        <Link to="/compliance">{t('review.back')}</Link>
      </p>
      <h1 id="review-heading">{t('review.title')}</h1>
      <p className="compliance-lead">{t('review.intro')}</p>
      {packs.isPending && <p role="status">{t('loading')}</p>}
      {packs.isError && (
        <p role="alert" className="error">
          {packs.error.message}
        </p>
      )}
      {packs.data && packs.data.length === 0 && <p>{t('review.none')}</p>}
      {packs.data && packs.data.length > 0 && (
        <table className="compliance-table">
          <caption>{t('review.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.table.year')}</th>
              <th scope="col">{t('review.table.status')}</th>
              <th scope="col">{t('review.table.prepared')}</th>
              <th scope="col">{t('review.table.signatures')}</th>
            </tr>
          </thead>
          <tbody>
            {packs.data.map((pack) => (
              <tr key={pack.id} data-testid="review-pack-row">
                <th scope="row">
                  <Link to={`/compliance/review/${pack.id}`}>{schoolYearLabel(pack.year)}</Link>
                </th>
                <td>{t(`review.status.${pack.status}`)}</td>
                <td>
                  {t('review.preparedBy', {
                    name: pack.preparedBy,
                    date: complianceDate(lang, pack.preparedAt),
                  })}
                </td>
                <td>
                  {pack.signatures.length === 0
                    ? t('review.nobody')
                    : pack.signatures
                        .map((s) => `${s.name} (${reviewPackText(lang).signer[s.role]})`)
                        .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can(role, 'prepare-review-pack') && (
        <form onSubmit={submit} aria-labelledby="prepare-heading" className="compliance-form">
          <h2 id="prepare-heading">{t('review.prepare.title')}</h2>
          <Field id="review-year" label={t('review.prepare.year')}>
            {(control) => (
              <select {...control} value={year} onChange={(e) => setYear(Number(e.target.value))}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {schoolYearLabel(y)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="review-notes"
            label={t('review.prepare.notes')}
            hint={t('review.prepare.notesHint')}
            hintClassName="hint"
          >
            {(control) => (
              <textarea
                {...control}
                rows={4}
                cols={70}
                maxLength={5000}
                value={notes}
                onChange={(e) => setNotes(e.target.value)}
              />
            )}
          </Field>
          {existing?.status === 'signed' ? (
            <p>{t('review.prepare.signed', { year: schoolYearLabel(year) })}</p>
          ) : (
            <button type="submit" disabled={prepare.isPending}>
              {existing ? t('review.prepare.again') : t('review.prepare.submit')}
            </button>
          )}
          {prepare.isError && (
            <p role="alert" className="error">
              {prepare.error.message}
            </p>
          )}
          {done !== null && (
            <p role="status">
              {t('review.prepare.done', { year: schoolYearLabel(done) })}{' '}
              {packs.data?.find((p) => p.year === done) && (
                <Link to={`/compliance/review/${packs.data.find((p) => p.year === done)!.id}`}>
                  {schoolYearLabel(done)}
                </Link>
              )}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
