import { common as cyCommon } from './locales/cy/common';
import { common as enCommon } from './locales/en/common';
import * as accounts from '../screens/accounts/locales';
import * as alerts from '../screens/alerts/locales';
import * as checks from '../screens/checks/locales';
import * as compliance from '../screens/compliance/locales';
import * as deploy from '../screens/deploy/locales';
import * as devices from '../screens/devices/locales';
import * as incidents from '../screens/incidents/locales';
import * as live from '../screens/live/locales';
import * as overview from '../screens/overview/locales';
import * as policies from '../screens/policies/locales';
import * as reports from '../screens/reports/locales';
import * as trust from '../screens/trust/locales';
import * as visitors from '../screens/visitors/locales';
import * as roster from '../screens/roster/locales';

/**
 * One namespace per screen, so each screen's text lives beside it in both languages.
 * Welsh is checked against English by type: a missing key is a compile error.
 */
export const resources = {
  en: {
    common: enCommon,
    live: live.en,
    alerts: alerts.en,
    incidents: incidents.en,
    policies: policies.en,
    devices: devices.en,
    deploy: deploy.en,
    reports: reports.en,
    trust: trust.en,
    overview: overview.en,
    visitors: visitors.en,
    accounts: accounts.en,
    checks: checks.en,
    compliance: compliance.en,
    roster: roster.en,
  },
  cy: {
    common: cyCommon,
    live: live.cy,
    alerts: alerts.cy,
    incidents: incidents.cy,
    policies: policies.cy,
    devices: devices.cy,
    deploy: deploy.cy,
    reports: reports.cy,
    trust: trust.cy,
    overview: overview.cy,
    visitors: visitors.cy,
    accounts: accounts.cy,
    checks: checks.cy,
    compliance: compliance.cy,
    roster: roster.cy,
  },
} as const;

export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_NAMESPACE = 'common';
