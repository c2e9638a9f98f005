import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { NoticePage } from './NoticePage';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <NoticePage />
  </StrictMode>,
);
