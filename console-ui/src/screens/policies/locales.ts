import type { Translation } from '../../i18n/types';

export const en = {
  title: 'Policies',
};

export const cy: Translation<typeof en> = {
  title: 'Policies',
};
