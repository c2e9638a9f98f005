import { isIllegalCategory, shownHelpSites } from '@waymark/shared';
import { ConcernForm } from '../../components/ConcernForm';
import { HelpSection } from '../../components/HelpSection';
import { Illustration } from '../../components/Illustration';
import { RequestForm } from '../../components/RequestForm';
import { ageBand } from '../../lib/age-band';
import { strings } from '../../lib/i18n';
import { concernEvent, explainBlock, unblockRequestEvent } from '../../lib/pupil-events';
import { listOf } from '../../lib/category-data';
import {
  blockedUrl,
  report,
  useMirrorPass,
  usePolicyAndLocale,
  useReported,
  useCategoryHits,
  useRequest,
} from './use-block-page';

export function BlockedPage() {
  const url = blockedUrl();
  const { message, locale } = usePolicyAndLocale();
  const reported = useReported(url);
  const hits = useCategoryHits(url);
  const passing = useMirrorPass(url, message, hits);
  const request = useRequest(url, message, hits);
  const t = strings(locale);
  document.documentElement.lang = locale;
  document.title = `${t.blockedTitle} – Waymark`;
  const helpSites = shownHelpSites(message?.country ?? 'england', locale);

  if (message === undefined || hits === undefined || passing) return null;
  if (message === null) {
    return (
      <main data-testid="waymark-blocked" data-reported={reported} className="band-young">
        <h1>{t.blockedTitle}</h1>
        <p>{t.settingUp}</p>
        <HelpSection t={t} sites={helpSites} />
      </main>
    );
  }

  // A visitor whose pass has ended: nothing loads but help, on this device's own clock.
  if (message.visitor && Date.now() >= Date.parse(message.visitor.expiresAt)) {
    return (
      <main data-testid="waymark-blocked" data-reported={reported} className="band-senior">
        <h1>{t.visitorEnded}</h1>
        <p>{t.visitorEndedHelp}</p>
        <HelpSection t={t} sites={helpSites} />
      </main>
    );
  }

  const decision = explainBlock(url, message, hits.categoryLists);
  const list = decision ? listOf(hits.sources, decision) : null;
  const band = ageBand(message.policy.profile);
  const school = message.schoolName;
  const note = (
    <p className="note">
      {t.supervisedNote(school)}
      {message.screenThumbnails && (
        <>
          {' '}
          <span data-testid="screens-note">{t.screensNote}</span>
        </>
      )}
    </p>
  );

  // Illegal categories: no URL, no category name, nothing from the page; a calm message.
  if (isIllegalCategory(decision?.category)) {
    return (
      <main data-testid="waymark-blocked" data-reported={reported} className={`band-${band}`}>
        <h1>{t.blockedTitle}</h1>
        <p>{t.illegalMessage}</p>
        <HelpSection t={t} sites={helpSites} />
        {note}
      </main>
    );
  }

  if (band === 'young') {
    return (
      <main data-testid="waymark-blocked" data-reported={reported} className="band-young">
        <Illustration />
        <h1 className="young-message">{t.youngMessage}</h1>
        <p className="young-message">{t.youngHelp}</p>
        <HelpSection t={t} sites={helpSites} />
        {note}
      </main>
    );
  }

  const category = decision?.category
    ? t.categories[decision.category]
    : decision?.source === 'ip-address'
      ? t.rawAddress
      : decision?.source === 'mirror'
        ? t.mirrorSite
        : decision?.source === 'page-scheme'
          ? t.pageScheme
          : null;
  return (
    <main data-testid="waymark-blocked" data-reported={reported} className={`band-${band}`}>
      <h1>{t.blockedTitle}</h1>
      <p>{t.notAllowed(message.className)}</p>
      {band === 'senior' && url && (
        <p>
          {t.page}: <span className="url">{url}</span>
        </p>
      )}
      {category && (
        <p>
          {t.reason}: {category}
        </p>
      )}
      {category && list && (
        <p data-testid="waymark-block-list">
          {t.list}: {list}
        </p>
      )}
      {url && decision?.source !== 'page-scheme' && (
        <RequestForm
          t={t}
          band={band}
          status={request.status}
          onSend={async (reason) => {
            const event = unblockRequestEvent(message, url, decision?.category ?? null, reason);
            await report(event);
            request.sent(event.id);
          }}
        />
      )}
      <HelpSection t={t} sites={helpSites} />
      {band === 'senior' && (
        <ConcernForm
          t={t}
          onSend={async (text) => void (await report(concernEvent(message, url || null, text)))}
        />
      )}
      {note}
    </main>
  );
}
