import type { Strings } from '../lib/i18n';

/** Where to get help: on every block page, for every age. These sites are never blocked. */
export function HelpSection({ t }: { t: Strings }) {
  return (
    <section className="help" aria-labelledby="help-heading">
      <h2 id="help-heading">{t.needHelpHeading}</h2>
      <ul>
        <li>{t.helpTeacher}</li>
        <li>
          {t.helpChildline('0800 1111')} <a href="https://www.childline.org.uk/">{t.helpChildlineLink}</a>.
        </li>
        <li>
          {t.helpCeop} <a href="https://www.ceop.police.uk/safety-centre/">{t.helpCeopLink}</a>.
        </li>
        {t.helpMeic && (
          <li>
            <a href="https://www.meic.cymru/">{t.helpMeic}</a>
          </li>
        )}
      </ul>
    </section>
  );
}
