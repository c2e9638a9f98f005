import type { Translation } from '../../i18n/types';

export const en = {
  title: 'Live',
};

export const cy: Translation<typeof en> = {
  title: 'Live',
};
