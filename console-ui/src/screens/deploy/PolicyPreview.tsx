import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeployPolicyFile, DeploySettingExplained, DeployWarning } from '@waymark/shared';
import { downloadFile } from './download';
import { en } from './locales';
import { SettingValue } from './SettingValue';
import { ScrollRegion } from '../../ui/ScrollRegion';

type WhyKey = keyof typeof en.why;

/** The generated file: where it goes, its text, a download of its exact bytes, and why each setting is there. */
export function PolicyPreview({ file, domains }: { file: DeployPolicyFile; domains: string[] }) {
  const { t } = useTranslation('deploy');
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const adminConsole = file.target === 'google-admin';

  const why = (setting: DeploySettingExplained) =>
    Object.hasOwn(en.why, setting.name)
      ? t(`why.${setting.name as WhyKey}`, {
          domains: domains.join(', '),
          proxy: t(`proxy.modes.${file.proxy.mode}`),
        })
      : setting.why;

  const warning = (w: DeployWarning) => {
    switch (w.code) {
      case 'unpublished':
        return t('preview.warnings.unpublished', { extensionId: w.extensionId });
      case 'package-update-url':
        return t('preview.warnings.package-update-url', { fileName: w.fileName, updateUrl: w.updateUrl });
      case 'token-unusable':
        return t('preview.warnings.token-unusable', {
          label: w.label,
          status: t(`preview.tokenStatus.${w.status}`),
        });
      case 'profile-mismatch':
        return t('preview.warnings.profile-mismatch', {
          tokenProfile: t(`form.profiles.${w.tokenProfile}`),
          fixedProfile: t(`form.profiles.${w.fixedProfile}`),
        });
      default:
        return t(`preview.warnings.${w.code}`);
    }
  };

  async function copyText() {
    try {
      await navigator.clipboard.writeText(file.text);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <section aria-labelledby="deploy-preview-heading" className="deploy-preview">
      <h3 id="deploy-preview-heading">{t('preview.heading', { fileName: file.fileName })}</h3>
      {file.token.status === 'valid' && (
        <p className="deploy-ok">
          {file.token.maxUses === null
            ? t('preview.token.valid', { label: file.token.label, uses: file.token.uses })
            : t('preview.token.validLimited', {
                label: file.token.label,
                uses: file.token.uses,
                maxUses: file.token.maxUses,
              })}
        </p>
      )}
      {file.warnings.length > 0 && (
        <div className="deploy-notice deploy-notice-warning">
          <h4>{t('preview.warningsHeading')}</h4>
          <ul>
            {file.warnings.map((w) => (
              <li key={w.code}>{warning(w)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="deploy-actions">
        <button type="button" onClick={() => downloadFile(file.fileName, file.mediaType, file.contentBase64)}>
          {t('preview.download')} <span className="visually-hidden">{file.fileName}</span>
        </button>
        <button type="button" className="secondary" onClick={() => void copyText()}>
          {t('preview.copy')}
        </button>
        <span role="status" className="deploy-copy-status">
          {copy === 'copied' ? t('preview.copied') : copy === 'failed' ? t('preview.copyFailed') : ''}
        </span>
      </div>
      {file.fileName.endsWith('.reg') && <p className="deploy-muted">{t('preview.regNote')}</p>}

      <h4>{t('preview.where')}</h4>
      <p>{t(`install.${file.target}`)}</p>
      <dl className="deploy-facts">
        <dt>{t('package.id')}</dt>
        <dd>
          <code>{file.extensionId}</code>
        </dd>
        <dt>{t('preview.updateUrl')}</dt>
        <dd className="deploy-break">
          <code>{file.updateUrl}</code>
        </dd>
      </dl>

      <h4 id="deploy-contents-heading">{t('preview.contents')}</h4>
      <div
        className="deploy-file"
        role="region"
        aria-label={t('preview.contentsLabel', { fileName: file.fileName })}
        tabIndex={0}
        lang="en"
      >
        <pre>
          <code>{file.text}</code>
        </pre>
      </div>

      <ScrollRegion className="deploy-table-wrap" label={t('preview.caption')}>
        <table className="deploy-table deploy-settings">
          <caption>{t('preview.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('preview.setting')}</th>
              <th scope="col">{t('preview.value')}</th>
              <th scope="col">{t('preview.why')}</th>
              {adminConsole && <th scope="col">{t('preview.adminConsole')}</th>}
            </tr>
          </thead>
          <tbody>
            {file.settings.map((setting) => (
              <tr key={setting.name}>
                <th scope="row">
                  <code>{setting.name}</code>
                </th>
                <td className="deploy-break deploy-value">
                  <SettingValue value={setting.value} />
                </td>
                <td>{why(setting)}</td>
                {adminConsole && <td lang="en">{setting.adminConsole}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
