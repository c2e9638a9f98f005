import {
  browserOfTarget,
  DEFAULT_PROXY_CHOICE,
  type DeployPolicyBody,
  type DeployPolicyFile,
  type ProxyChoice,
} from '@waymark/shared';
import { browserPolicySettings } from './browser-settings';
import { googleAdminJson } from './formats/google-admin-json';
import { linuxPolicyJson } from './formats/linux-json';
import { macosMobileconfig } from './formats/macos-mobileconfig';
import type { PolicyDocument } from './formats/policy-document';
import { explainSettings, readmeBlock } from './formats/readme';
import { encodeRegFile, windowsRegText } from './formats/windows-reg';
import { managedConfigSettings } from './managed-config';
import { targetInfo } from './targets';

type GeneratedPolicy = Omit<DeployPolicyFile, 'warnings' | 'token'> & { bytes: Buffer };

/** Where devices fetch the update manifest: Edge asks for its own build. */
function updateUrlFor(serverUrl: string, browser: 'chrome' | 'edge'): string {
  return `${serverUrl.replace(/\/+$/, '')}/extension/update.xml${browser === 'edge' ? '?browser=edge' : ''}`;
}

/**
 * One complete file for a target, with the school's server, token and extension ID filled in, and
 * the proxy locked to the school's choice (the operating system's unless the school chose another).
 */
export function generatePolicy(
  body: DeployPolicyBody,
  extensionId: string,
  proxy: ProxyChoice = DEFAULT_PROXY_CHOICE,
): GeneratedPolicy {
  const target = targetInfo(body.target);
  const serverUrl = body.serverUrl.replace(/\/+$/, '');
  const updateUrl = updateUrlFor(serverUrl, browserOfTarget(body.target));
  const doc: PolicyDocument = {
    target,
    extensionId,
    updateUrl,
    serverUrl,
    browserSettings: browserPolicySettings({
      browser: target.browser,
      extensionId,
      updateUrl,
      accountDomains: body.accountDomains ?? [],
      proxy,
    }),
    managed: managedConfigSettings(body),
  };
  let text: string;
  let bytes: Buffer;
  switch (target.platform) {
    case 'linux':
      text = linuxPolicyJson(doc);
      bytes = Buffer.from(text, 'utf8');
      break;
    case 'windows':
      text = windowsRegText(doc);
      bytes = encodeRegFile(text);
      break;
    case 'macos':
      text = macosMobileconfig(doc);
      bytes = Buffer.from(text, 'utf8');
      break;
    case 'google-admin':
      text = googleAdminJson(doc);
      bytes = Buffer.from(text, 'utf8');
      break;
  }
  return {
    target: body.target,
    fileName: target.fileName,
    mediaType: target.mediaType,
    text,
    bytes,
    contentBase64: bytes.toString('base64'),
    extensionId,
    updateUrl,
    proxy,
    install: target.install,
    settings: explainSettings(doc),
    readme: readmeBlock(doc, target.fileName, target.install),
  };
}
