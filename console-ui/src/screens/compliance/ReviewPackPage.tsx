import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can, reviewPackText, type ReportLanguage } from '@waymark/shared';
import { useSession } from '../../lib/session';
import { packPdfUrl, useReviewPack, useSignPack } from './api';
import { PackDocument } from './PackDocument';
import './compliance.css';

/** `/compliance/review/:id`: one pack to read, print, download as a PDF, and sign off. */
export function ReviewPackPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('compliance');
  const lang: ReportLanguage = i18n.language === 'cy' ? 'cy' : 'en';
  const session = useSession();
  const staff = session.data;
  const role = staff?.role;
  const pack = useReviewPack(id);
  const sign = useSignPack(id);
  const [confirmed, setConfirmed] = useState(false);
  if (!can(role, 'view-compliance')) {
    return (
      <section aria-labelledby="pack-heading">
        <h1 id="pack-heading">{t('review.title')}</h1>
        <p>{t('notAllowed')}</p>
      </section>
    );
  }

  const data = pack.data;
  const signerRole = role === 'senior-leader' || role === 'governor' ? role : null;
  const signerLabel = signerRole ? reviewPackText(lang).signer[signerRole] : '';
  const mine = data?.pack.signatures.find((s) => s.name === staff?.name && s.role === signerRole);
  const roleTaken = data?.pack.signatures.some((s) => s.role === signerRole);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (data) sign.mutate(data.pack.contentHash);
  }

  return (
    <div className="compliance">
      <p className="pack-tools">
        <Link to="/compliance/review">{t('review.title')}</Link>
        {data && (
          <>
            <button type="button" onClick={() => window.print()}>
              {t('pack.print')}
            </button>
            <a href={packPdfUrl(id, lang)} download>
              {t('pack.pdf')}
            </a>
          </>
        )}
      </p>
      {pack.isPending && <p role="status">{t('loading')}</p>}
      {pack.isError && (
        <p role="alert" className="error">
          {pack.error.message}
        </p>
      )}
      {data && (
        <>
          <p className="pack-verified">{t('pack.verified')}</p>
          <PackDocument pack={data.pack} content={data.content} lang={lang} />
          {can(role, 'sign-review-pack') && signerRole && data.pack.status === 'draft' && (
            <form onSubmit={submit} aria-labelledby="sign-heading" className="compliance-form pack-sign">
              <h2 id="sign-heading">{t('pack.sign.title')}</h2>
              {mine ? (
                <p>
                  {t('pack.sign.yours')} {t('pack.sign.waiting')}
                </p>
              ) : roleTaken ? (
                <p>{t('pack.sign.roleTaken', { role: signerLabel })}</p>
              ) : (
                <>
                  <p>
                    <input
                      type="checkbox"
                      id="sign-confirm"
                      checked={confirmed}
                      onChange={(e) => setConfirmed(e.target.checked)}
                    />{' '}
                    <label htmlFor="sign-confirm">{t('pack.sign.confirm', { role: signerLabel })}</label>
                  </p>
                  <button type="submit" disabled={!confirmed || sign.isPending}>
                    {t('pack.sign.submit')}
                  </button>
                </>
              )}
              {sign.isError && (
                <p role="alert" className="error">
                  {sign.error.message}
                </p>
              )}
              {sign.isSuccess && <p role="status">{t('pack.sign.done')}</p>}
            </form>
          )}
        </>
      )}
    </div>
  );
}
