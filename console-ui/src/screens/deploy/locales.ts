import type { Translation } from '../../i18n/types';

export const en = {
  title: 'Deploy',
};

export const cy: Translation<typeof en> = {
  title: 'Deploy',
};
