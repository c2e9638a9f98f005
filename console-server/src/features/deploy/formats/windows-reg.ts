import type { JsonValue } from '../browser-settings';
import { POLICY_DEFINITIONS } from '../policy-names';
import type { PolicyDocument } from './policy-document';
import { GENERATED_BY } from './policy-document';

export const REG_HEADER = 'Windows Registry Editor Version 5.00';

const POLICY_ROOT = {
  chrome: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome',
  edge: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge',
} as const;

/** A `.reg` string: backslashes and quotes escaped; no line breaks (a REG_SZ in a .reg file is one line). */
function regString(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error('a registry string cannot hold a line break');
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function dword(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new Error(`not a DWORD: ${value}`);
  return `dword:${value.toString(16).padStart(8, '0')}`;
}

/** `;` comment lines, wrapped so regedit's window shows them whole. */
function comment(text: string): string[] {
  const lines: string[] = [];
  let line = ';';
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > 100 && line !== ';') {
      lines.push(line);
      line = ';';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

/**
 * The policies as a `.reg` file, as Chrome and Edge read them from the registry: scalar policies
 * as values of the browser's policy key (REG_DWORD for booleans and integers, REG_SZ for strings,
 * REG_SZ holding JSON for dictionaries), each list as its own key of values "1", "2", …, and the
 * extension's managed configuration under `3rdparty\extensions\<id>\policy`.
 *
 * Each list key and the 3rdparty key are deleted first (`[-…]`) so the file gives the same result
 * on every device, whatever an earlier version left. Saved as UTF-16LE with a byte-order mark and
 * CRLF line ends, as regedit itself exports.
 */
export function windowsRegText(doc: PolicyDocument): string {
  const root = POLICY_ROOT[doc.target.browser];
  const lines: string[] = [
    REG_HEADER,
    '',
    ...comment(`Waymark for ${doc.target.label}. ${GENERATED_BY}`),
    ...comment(
      `Server ${doc.serverUrl}; extension ${doc.extensionId}. Import as an administrator. The list policies below replace any list of the same name: add the school's other allowed extensions and blocked addresses to them before importing.`,
    ),
    '',
  ];

  const scalars = doc.browserSettings.filter((s) => POLICY_DEFINITIONS[s.name].type !== 'list');
  lines.push(`[${root}]`);
  for (const setting of scalars) {
    lines.push(...comment(`${setting.name}: ${setting.why}`));
    lines.push(`${regString(setting.name)}=${regValue(setting.name, setting.value)}`);
  }
  lines.push('');

  for (const setting of doc.browserSettings.filter((s) => POLICY_DEFINITIONS[s.name].type === 'list')) {
    const key = `${root}\\${setting.name}`;
    lines.push(...comment(`${setting.name}: ${setting.why}`));
    lines.push(`[-${key}]`, `[${key}]`);
    (setting.value as string[]).forEach((item, i) => lines.push(`"${i + 1}"=${regString(item)}`));
    lines.push('');
  }

  const managedKey = `${root}\\3rdparty\\extensions\\${doc.extensionId}\\policy`;
  lines.push(...comment('Waymark’s managed configuration (what the extension reads from storage.managed):'));
  lines.push(`[-${managedKey}]`, `[${managedKey}]`);
  for (const setting of doc.managed) {
    lines.push(...comment(`${setting.key}: ${setting.why}`));
    lines.push(`${regString(setting.key)}=${regString(setting.value)}`);
  }
  lines.push('');
  return lines.join('\r\n');
}

function regValue(name: keyof typeof POLICY_DEFINITIONS, value: JsonValue): string {
  switch (POLICY_DEFINITIONS[name].type) {
    case 'boolean':
      return dword(value ? 1 : 0);
    case 'integer':
      return dword(value as number);
    case 'string':
      return regString(value as string);
    case 'dictionary':
      return regString(JSON.stringify(value));
    case 'list':
      throw new Error(`${name} is a list: written as its own key`);
  }
}

/** The bytes regedit expects: UTF-16LE with a byte-order mark. */
export function encodeRegFile(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}
