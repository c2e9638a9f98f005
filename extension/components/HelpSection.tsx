import type { ReactNode } from 'react';
import type { Strings } from '../lib/i18n';

type HelpSite = 'meic' | 'childline' | 'ceop';

/**
 * Where to get help: on every block page, for every age. These sites are never blocked. The
 * order comes from `shownHelpSites` (Meic first in Wales).
 */
export function HelpSection({ t, sites }: { t: Strings; sites: readonly HelpSite[] }) {
  const items: Record<HelpSite, ReactNode> = {
    childline: (
      <>
        {t.helpChildline('0800 1111')} <a href="https://www.childline.org.uk/">{t.helpChildlineLink}</a>.
      </>
    ),
    ceop: (
      <>
        {t.helpCeop} <a href="https://www.ceop.police.uk/safety-centre/">{t.helpCeopLink}</a>.
      </>
    ),
    meic: <a href="https://www.meic.cymru/">{t.helpMeic}</a>,
  };
  return (
    <section className="help" aria-labelledby="help-heading">
      <h2 id="help-heading">{t.needHelpHeading}</h2>
      <ul>
        <li>{t.helpTeacher}</li>
        {sites.map((site) => (
          <li key={site} data-help-site={site}>
            {items[site]}
          </li>
        ))}
      </ul>
    </section>
  );
}
