import type { Translation } from '../../i18n/types';

export const en = {
  title: 'Reports',
};

export const cy: Translation<typeof en> = {
  title: 'Reports',
};
