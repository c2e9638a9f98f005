import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BlockedPage } from './BlockedPage';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BlockedPage />
  </StrictMode>,
);
