import { build, type PlistValue } from 'plist';
import { v5 as uuidv5 } from 'uuid';
import { managedConfigObject } from '../managed-config';
import type { PolicyDocument } from './policy-document';
import { GENERATED_BY } from './policy-document';

/** The preference domains Chrome and Edge read on macOS; extension policy is `<domain>.extensions.<id>`. */
const PREFERENCE_DOMAIN = { chrome: 'com.google.Chrome', edge: 'com.microsoft.Edge' } as const;

/** Namespace for the profile's UUIDs: the same school, server and browser always give the same UUIDs. */
const WAYMARK_NAMESPACE = uuidv5('https://waymark.invalid/deploy', uuidv5.URL);

/** XML comments cannot contain "--". */
const xmlComment = (text: string) => `<!-- ${text.replace(/-{2,}/g, '–')} -->`;

/**
 * A configuration profile for an MDM: one payload of browser policies in the browser's
 * preference domain, one of Waymark's managed configuration in the extension's own domain
 * (macOS reads extension policy there, not under a 3rdparty key). Identifiers and UUIDs are
 * derived from the server and browser, so a regenerated profile replaces the installed one.
 * Each policy is preceded by an XML comment saying why; MDMs that re-sign the profile may drop
 * comments, so the profile's description summarises them too.
 */
export function macosMobileconfig(doc: PolicyDocument): string {
  const { browser } = doc.target;
  const domain = PREFERENCE_DOMAIN[browser];
  const host = new URL(doc.serverUrl).host.toLowerCase().replace(/[^a-z0-9.-]/g, '-');
  const base = `org.waymark.deploy.${host}.${browser}`;
  const uuid = (name: string) => uuidv5(`${base}.${name}`, WAYMARK_NAMESPACE).toUpperCase();
  const payload = (name: string, type: string, displayName: string, description: string) => ({
    PayloadType: type,
    PayloadVersion: 1,
    PayloadIdentifier: `${base}.${name}`,
    PayloadUUID: uuid(name),
    PayloadEnabled: true,
    PayloadDisplayName: displayName,
    PayloadDescription: description,
  });

  const policies: Record<string, PlistValue> = {};
  for (const setting of doc.browserSettings) policies[setting.name] = setting.value as PlistValue;

  const profile: Record<string, PlistValue> = {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: base,
    PayloadUUID: uuid('profile'),
    PayloadDisplayName: `Waymark for ${doc.target.label}`,
    PayloadDescription: `Force-installs the Waymark extension from ${doc.serverUrl}, configures it, and hardens the browser for pupils. ${GENERATED_BY}`,
    PayloadOrganization: 'Waymark',
    PayloadScope: 'System',
    PayloadRemovalDisallowed: true,
    PayloadContent: [
      {
        ...payload(
          'policies',
          domain,
          `${doc.target.label.replace(/ on macOS$/, '')} policies`,
          doc.browserSettings.map((s) => `${s.name}: ${s.why}`).join('\n'),
        ),
        ...policies,
      },
      {
        ...payload(
          'extension',
          `${domain}.extensions.${doc.extensionId}`,
          'Waymark managed configuration',
          doc.managed.map((s) => `${s.key}: ${s.why}`).join('\n'),
        ),
        ...managedConfigObject(doc.managed),
      },
    ],
  };

  let xml = build(profile);
  // One comment before each policy and configuration key: the keys are unique at their level.
  const reasons = [
    ...doc.browserSettings.map((s) => [s.name, s.why] as const),
    ...doc.managed.map((s) => [s.key, s.why] as const),
  ];
  for (const [key, why] of reasons) {
    xml = xml.replace(
      new RegExp(`^(\\s*)<key>${key}</key>$`, 'm'),
      (_line, indent: string) => `${indent}${xmlComment(`${key}: ${why}`)}\n${indent}<key>${key}</key>`,
    );
  }
  return `${xml}\n`;
}
