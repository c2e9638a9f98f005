import type { DeploySettingExplained } from '@waymark/shared';
import type { PolicyDocument } from './policy-document';
import { GENERATED_BY } from './policy-document';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Every setting a file carries, with its value as a technician reads it and why it is there. */
export function explainSettings(doc: PolicyDocument): DeploySettingExplained[] {
  const adminConsole = doc.target.platform === 'google-admin';
  return [
    ...doc.managed.map((s) => ({
      name: s.key,
      value: s.value,
      why: s.why,
      ...(adminConsole ? { adminConsole: 'In this file (“Policy for extensions”).' } : {}),
    })),
    ...doc.browserSettings.map((s) => ({
      name: s.name,
      value: typeof s.value === 'string' ? s.value : JSON.stringify(s.value),
      why: s.why,
      ...(adminConsole ? { adminConsole: s.adminConsole } : {}),
    })),
  ];
}

/**
 * The companion README block: what the file is, where it goes, and a table of the reasons. JSON
 * files cannot carry comments, so this is how their settings are explained; the console shows it
 * beside every preview.
 */
export function readmeBlock(doc: PolicyDocument, fileName: string, install: string): string {
  const settings = explainSettings(doc);
  const adminConsole = doc.target.platform === 'google-admin';
  const lines = [
    `# Waymark for ${doc.target.label}: ${fileName}`,
    '',
    GENERATED_BY,
    '',
    `- Server: ${doc.serverUrl}`,
    `- Extension ID: ${doc.extensionId}`,
    `- Update URL: ${doc.updateUrl}`,
    '',
    `## Where it goes`,
    '',
    install,
    '',
    '## Why each setting is there',
    '',
    adminConsole ? '| Setting | Value | Why | In the Admin console |' : '| Setting | Value | Why |',
    adminConsole ? '|---|---|---|---|' : '|---|---|---|',
    ...settings.map((s) =>
      adminConsole
        ? `| ${cell(s.name)} | \`${cell(s.value)}\` | ${cell(s.why)} | ${cell(s.adminConsole ?? '')} |`
        : `| ${cell(s.name)} | \`${cell(s.value)}\` | ${cell(s.why)} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
