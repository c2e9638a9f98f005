import type { Translation } from '../../i18n/types';

export const en = {
  title: 'Devices',
};

export const cy: Translation<typeof en> = {
  title: 'Devices',
};
