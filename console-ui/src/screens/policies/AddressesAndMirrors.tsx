import { useTranslation } from 'react-i18next';
import { FieldSet } from '../../ui/Field';
import { FilterListField } from './FilterListField';
import type { DraftProblem, PolicyDraft } from './policy-form';
import { useProblemText } from './problem-text';

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
  const { message } = useProblemText();
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
        <FieldSet
          id="policy-mirrors"
          className="pol-mirrors"
          legend={t('edit.mirrorsLegend')}
          hint={t('edit.mirrorsHint')}
          hintClassName="pol-hint"
          problem={mirrorProblems.map(message)}
          problemClassName="pol-field-problems"
        >
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
        </FieldSet>
      </div>
    </section>
  );
}
