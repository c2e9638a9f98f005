import type { Translation } from '../../i18n/types';

export const en = {
  title: 'Incidents',
};

export const cy: Translation<typeof en> = {
  title: 'Incidents',
};
