import { defineBackground } from 'wxt/utils/define-background';
import { applyUpdatesWhenReady } from '../lib/apply-updates';
import { startBackground } from '../lib/background-main';

export default defineBackground({
  type: 'module',
  main() {
    applyUpdatesWhenReady();
    startBackground();
  },
});
