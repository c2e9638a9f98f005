import { useTranslation } from 'react-i18next';
import { FieldProblems } from './ErrorSummary';
import { FilterListField } from './FilterListField';
import type { DraftProblem, PolicyDraft } from './policy-form';

/**
 * The routes round the site rules a school decides on: pages opened by raw address (only its own
 * servers, listed here, load) and mirror sites (translate proxies, web archives, search caches).
 */
export function AddressesAndMirrors({
  draft,
  onChange,
  problems,
}: {
  draft: Pick<PolicyDraft, 'allowedAddresses' | 'mirrors'>;
  onChange: (patch: Partial<Pick<PolicyDraft, 'allowedAddresses' | 'mirrors'>>) => void;
  problems: DraftProblem[];
}) {
  const { t } = useTranslation('policies');
  const mirrorProblems = problems.filter((p) => p.field === 'mirrors');
  return (
    <section aria-labelledby="addresses-heading" className="pol-panel pol-addresses">
      <h2 id="addresses-heading">{t('edit.addressesHeading')}</h2>
      <div className="pol-lists">
        <FilterListField
          id="policy-allowedAddresses"
          label={t('edit.allowedAddressesLabel')}
          hint={t('edit.allowedAddressesHint')}
          value={draft.allowedAddresses}
          onChange={(allowedAddresses) => onChange({ allowedAddresses })}
          problems={problems.filter((p) => p.field === 'allowedAddresses')}
        />
        <fieldset
          id="policy-mirrors"
          className="pol-mirrors"
          aria-describedby={['policy-mirrors-hint', mirrorProblems.length ? 'policy-mirrors-problems' : null]
            .filter(Boolean)
            .join(' ')}
        >
          <legend>{t('edit.mirrorsLegend')}</legend>
          <p className="pol-hint" id="policy-mirrors-hint">
            {t('edit.mirrorsHint')}
          </p>
          <FieldProblems id="policy-mirrors-problems" problems={mirrorProblems} />
          <div className="pol-choices">
            {(['inherit', 'block'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="mirrors"
                  value={value}
                  checked={draft.mirrors === value}
                  onChange={() => onChange({ mirrors: value })}
                />{' '}
                {t(value === 'inherit' ? 'edit.mirrorsInherit' : 'edit.mirrorsBlock')}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
    </section>
  );
}
